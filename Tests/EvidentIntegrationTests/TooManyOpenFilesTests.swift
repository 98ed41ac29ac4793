import EvidentTestSupport
import Foundation
import XCTest

@testable import EvidentCore
@testable import EvidentEvidence
@testable import EvidentRendering
@testable import EvidentSite

/// A build that runs out of file descriptors says so, and which limit to raise, instead of reporting the file as
/// missing (the preview's rebuild used to say "no site configuration found").
final class TooManyOpenFilesTests: XCTestCase {
    func testSiteConfigurationThatCannotBeOpenedIsNotReportedMissing() throws {
        let site = try makeSite("sites/basic")
        let message = DescriptorLimit.withNoneFree { () -> String in
            do {
                return "loaded \(try SiteConfig.load(siteFolder: site.folder).title)"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(
            message,
            "content/site.yml: cannot read it: too many open files — raise ulimit -n (it is \(DescriptorLimit.lastLowered))"
        )
        XCTAssertNoThrow(try SiteConfig.load(siteFolder: site.folder), "a free descriptor reads it again")
    }

    func testATemplatesFolderThatCannotBeListedIsAnErrorNotTheDefaultTheme() throws {
        let site = try makeSite("sites/basic")
        try site.write("templates/essay.mustache", "<p>{{title}}</p>\n")
        let message = DescriptorLimit.withNoneFree { () -> String in
            do {
                return "loaded \(try TemplateSet.load(siteFolder: site.folder).assets.count) assets"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(message.hasPrefix("templates: cannot list the templates: "), message)
        XCTAssertTrue(message.hasSuffix("— check the folder's permissions, and the limit of open files (ulimit -n)"))
        XCTAssertNoThrow(try TemplateSet.load(siteFolder: site.folder), "a free descriptor lists it again")
    }
}
