#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

AllocatorSettings.apply()
exit(Extract.run(Array(CommandLine.arguments.dropFirst())))
