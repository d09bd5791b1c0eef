import FuzzerDriver
import Foundation

exit(scard_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzBERTLV))
