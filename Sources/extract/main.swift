#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(Extract.run(Array(CommandLine.arguments.dropFirst())))
