// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PlanParser",
    products: [
        .library(name: "PlanParser", targets: ["PlanParser"]),
        .executable(name: "extract", targets: ["extract"]),
    ],
    targets: [
        .target(name: "PlanParser"),
        .executableTarget(name: "extract", dependencies: ["PlanParser"]),
        .testTarget(
            name: "PlanParserTests",
            dependencies: ["PlanParser"],
            exclude: ["Golden/Expected", "Zip/Fixtures", "Recovery/ConverterExpectations.tsv"]
        ),
        .testTarget(
            name: "ExtractTests",
            dependencies: ["PlanParser", "extract"]
        ),
    ]
)
