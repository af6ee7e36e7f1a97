// Placeholder until the CLI lands.
print("extract")
