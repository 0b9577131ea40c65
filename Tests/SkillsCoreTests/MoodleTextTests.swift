import Testing

@testable import SkillsCore

/// Moodle's text formats turned into the plain text a terminal shows.
@Suite struct MoodleTextTests {
    @Test func htmlLosesItsTagsAndKeepsWordsApart() {
        #expect(HTMLText.plain("<p>What do you <b>say</b> first?</p>") == "What do you say first?")
        #expect(HTMLText.plain("<p>One</p><p>Two</p>") == "One Two")
        #expect(HTMLText.plain("Line<br>next<br/>last") == "Line next last")
        #expect(HTMLText.plain("<ul><li>a</li><li>b</li></ul>") == "a b")
        #expect(HTMLText.plain("<script>alert(1)</script>Safe") == "Safe")
        // A lone "<" is text, not the start of a tag.
        #expect(HTMLText.plain("3 < 5 and 7") == "3 < 5 and 7")
    }

    @Test func entitiesAreDecoded() {
        #expect(HTMLText.plain("Fish &amp; chips &lt;hot&gt;") == "Fish & chips <hot>")
        #expect(HTMLText.plain("It&#39;s here&#x27;s&nbsp;it") == "It's here's it")
        #expect(HTMLText.plain("&quot;Yes&quot; &hellip; &unknown; &") == "\"Yes\" … &unknown; &")
    }

    @Test func markdownEmphasisAndLinksBecomeTheirWords() {
        #expect(MoodleTextFormat.markdown.plain("Say **sorry** and _mean_ it") == "Say sorry and mean it")
        #expect(
            MoodleTextFormat.markdown.plain("See [the guide](https://example.org) and `code`")
                == "See the guide and code")
        #expect(MoodleTextFormat.markdown.plain("## Heading") == "Heading")
        // A blank to fill in and a name with underscores are not emphasis.
        #expect(MoodleTextFormat.markdown.plain("Fill _____ in snake_case") == "Fill _____ in snake_case")
    }

    @Test func aFormatMarkIsSplitOffAndPlainStaysAsTyped() {
        let (format, rest) = MoodleTextFormat.split("[html]<p>x</p>")
        #expect(format == .html)
        #expect(rest == "<p>x</p>")
        #expect(MoodleTextFormat.split("[note] text").format == nil)
        #expect(MoodleTextFormat.plain.plain("<b>as typed</b>") == "<b>as typed</b>")
    }

    @Test func categoryPathsKeepSlashesAndColonsInNames() {
        #expect(
            GIFTImporter.categoryParts("$course$/top/Default for A//B/Empathy: the basics") == [
                "$course$", "top", "Default for A/B", "Empathy: the basics",
            ])
        #expect(
            GIFTImporter.area(inCategory: ["top", "Empathy: the basics"], framework: Fixture.framework) == "empathy")
        #expect(
            GIFTImporter.area(inCategory: ["top", "Listening", "Week 2"], framework: Fixture.framework) == "listening")
        #expect(GIFTImporter.area(inCategory: ["top", "Week 2"], framework: Fixture.framework) == nil)
    }
}
