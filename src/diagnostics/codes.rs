//! Every kind of problem clearnotice reports has a stable code and a name, like
//! `CN0504 easy-read/sentence-too-long`: tests, editors and CI match on the code, so
//! the English of a message can improve without breaking them. The table below is
//! the one list; the README's "Problem codes" is tested to be this table, and
//! `clearnotice explain CODE` prints a row.
//!
//! Numbers are never reused: a code that is retired stays retired. The hundreds say
//! where the problem is: 00 reading and writing, 01 site.toml and settings, 02 the
//! content folder, 03 a version's front-matter, 04 the text, 05 easy read, 06 the
//! version history and announcements, 07 translations, 08 the theme, 09 handouts, braille and
//! the output folder, 10 the privacy checklist, 11 the commands that write files.

macro_rules! codes {
    ($( $variant:ident = $number:literal $name:literal $fix:literal; )*) => {
        /// A kind of problem (see the module's documentation).
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum Code { $( $variant, )* }

        /// Every code, in the order of their numbers.
        pub const CODES: &[CodeInfo] = &[
            $( CodeInfo { code: Code::$variant, number: $number, name: $name, fix: $fix }, )*
        ];
    };
}

/// One row of the table: the code, its number and name, and how to fix it.
#[derive(Debug)]
pub struct CodeInfo {
    pub code: Code,
    /// `CN0504`.
    pub number: &'static str,
    /// `easy-read/sentence-too-long`.
    pub name: &'static str,
    /// What it means and how to fix it, in a sentence or two (the problem's own hint
    /// says it for the case at hand).
    pub fix: &'static str,
}

impl Code {
    pub fn info(self) -> &'static CodeInfo {
        // The table is in the enum's order (tested), so the variant is its index.
        &CODES[self as usize]
    }

    pub fn number(self) -> &'static str {
        self.info().number
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The code whose number (`CN0504`, any case) or name is `text`.
    pub fn find(text: &str) -> Option<Code> {
        CODES
            .iter()
            .find(|info| info.number.eq_ignore_ascii_case(text) || info.name == text)
            .map(|info| info.code)
    }
}

codes! {
    // 00: reading and writing files.
    CannotRead = "CN0001" "io/cannot-read"
        "A file or folder could not be read. Check that it exists and that you may read it.";
    CannotWrite = "CN0002" "io/cannot-write"
        "A file or folder could not be written. Check that the disk is not full and that you may write there.";
    NotUtf8 = "CN0003" "io/not-utf8"
        "The file is not UTF-8 text. Save it as UTF-8 in your editor.";
    FileTooBig = "CN0004" "io/file-too-big"
        "A notice's file is bigger than a notice can be (8 MB): something other than text was pasted or saved into it.";
    ChangedDuringBuild = "CN0005" "io/changed-during-build"
        "A file in the output folder changed while the site was being built. Build again once nothing else writes there.";
    InternalError = "CN0006" "io/internal-error"
        "Something inside clearnotice failed (a bug, not the site's fault). Build again; if it happens again, report it with the command you ran.";

    // 01: site.toml and the settings of a run.
    NoSiteToml = "CN0101" "settings/no-site-toml"
        "The folder has no site.toml, so it is not a site. Run clearnotice in the site's folder or give --root; clearnotice init makes a new site.";
    SettingsInvalid = "CN0102" "settings/invalid-toml"
        "site.toml is not valid TOML, has a key clearnotice does not know, or a value of the wrong kind. The README lists every key.";
    SettingEmpty = "CN0103" "settings/empty-value"
        "A setting in site.toml is empty. Write its value between the quotes.";
    ReleasePinInvalid = "CN0104" "settings/release-pin-invalid"
        "`clearnotice` in site.toml must name a release: three numbers with dots, in quotes.";
    ReleasePinDiffers = "CN0105" "settings/release-pin-differs"
        "The site names another clearnotice release than the one running. Install that release, or change the pin once you have checked the site with this one.";
    PrintSizeOutOfRange = "CN0106" "settings/print-size-out-of-range"
        "A text size for large print or easy read is outside what the rules allow (large print 16 to 24 pt, easy read 14 to 24 pt).";
    BaseUrlInvalid = "CN0107" "settings/base-url-invalid"
        "`base_url` (or --base-url) must be a full web address starting https:// or http://.";
    LanguageTagInvalid = "CN0108" "settings/language-tag-invalid"
        "A language must be written as its BCP 47 tag, like \"en-GB\" or \"cy\".";
    LanguageListedTwice = "CN0109" "settings/language-listed-twice"
        "A language is listed twice in `languages`. Delete one.";
    LanguagesDisagree = "CN0110" "settings/languages-disagree"
        "`language` and the first of `languages` name different languages. Delete `language`, or make the two agree.";
    TitleInUnknownLanguage = "CN0111" "settings/title-in-unknown-language"
        "`titles` gives a title in a language the site is not published in. Add the language to `languages`, or delete the title.";
    DateEpochInvalid = "CN0112" "settings/source-date-epoch-invalid"
        "SOURCE_DATE_EPOCH must be a number of seconds since 1970. Set it to one, or unset it.";
    BrailleSettingOutOfRange = "CN0113" "settings/braille-out-of-range"
        "A braille page size in [braille] is outside what embossers and braille displays use. Choose 20 to 64 cells a line and 10 to 40 lines a page (40 and 25 are the usual ones).";
    BrailleTableInvalid = "CN0114" "settings/braille-table-invalid"
        "[braille.tables] names a table for a language the site is not published in, or a name that is not a liblouis table file. Write a table file name like \"cy-cy-g2.ctb\" for one of the site's languages.";
    ReviewIntervalOutOfRange = "CN0115" "settings/review-interval-out-of-range"
        "[review] every_months must be from 1 to 60: the months between reviews of a notice (12 is once a year).";
    ReadabilityTargetOutOfRange = "CN0116" "settings/readability-target-out-of-range"
        "[readability] grade and children_grade must be from 1 to 18: a Flesch–Kincaid grade, the US school year that can read a text (add 5 for a reading age).";
    ContactNoWayToReach = "CN0120" "contact/no-way-to-reach"
        "A [contact] block must give at least one of address, phone, email or web.";
    ContactWebInvalid = "CN0121" "contact/web-invalid"
        "A contact's `web` must be a full web address starting https:// or http://.";
    ContactEmailInvalid = "CN0122" "contact/email-invalid"
        "A contact's `email` must be an address alone, like data@example.org: no mailto:, no name, no spaces.";
    ContactPhoneInvalid = "CN0123" "contact/phone-invalid"
        "A contact's `phone` may hold digits, spaces and + ( ) - only.";
    ContactEmptyValue = "CN0124" "contact/empty-value"
        "A line of a [contact] block is empty. Fill it in or delete it.";

    // 02: the content folder.
    NoContentFolder = "CN0201" "content/no-content-folder"
        "The site has no content/ folder. Make one beside site.toml, with a folder per notice.";
    LinkNotFollowed = "CN0202" "content/link-not-followed"
        "A symbolic link in content/ is ignored: clearnotice reads only the site's own files. Copy the file in instead.";
    FileOutsideNotice = "CN0203" "content/file-outside-notice"
        "A file directly in content/ belongs to no notice and is ignored. Move it into a notice's folder.";
    FolderNameNotAddress = "CN0204" "content/folder-name-not-address"
        "A notice's folder name is its web address: lower-case letters, digits and hyphens only.";
    NoVersions = "CN0205" "content/no-versions"
        "A notice's folder has no version file. Add 1.0.md, or delete the folder.";
    NotAFile = "CN0206" "content/not-a-file"
        "Something named like a notice's file is not a plain file, so it is not read. Rename it.";
    FileNameNotVersion = "CN0207" "content/file-name-not-version"
        "A file in a notice's folder must be named after its version, like 2.1.md, 2.1.easy-read.md or 2.1.cy.md.";
    TextWithoutVersion = "CN0208" "content/text-without-version"
        "An easy-read text or translation has no version file to belong to. Add the version, or rename the file after the version it goes with.";

    // 03: a version's front-matter.
    NoFrontMatter = "CN0301" "front-matter/missing"
        "A version file must start with its details between two +++ lines.";
    FrontMatterNotClosed = "CN0302" "front-matter/not-closed"
        "The front-matter has no closing +++ line. Add one after the last detail.";
    FrontMatterInvalid = "CN0303" "front-matter/invalid-toml"
        "The front-matter is not valid TOML, has a key clearnotice does not know, or lacks one it needs. The README lists every key.";
    FrontMatterEmptyValue = "CN0304" "front-matter/empty-value"
        "A detail in the front-matter is empty. Write it between the quotes.";
    NoController = "CN0305" "front-matter/no-controller"
        "`controller` must name who decides how the information is used.";
    VersionNotQuoted = "CN0306" "front-matter/version-not-quoted"
        "`version` must be in quotes: a bare 2.10 would lose its last 0.";
    VersionInvalid = "CN0307" "front-matter/version-invalid"
        "A version is two whole numbers with a dot, MAJOR.MINOR, like \"2.3\".";
    VersionNotFileName = "CN0308" "front-matter/version-not-file-name"
        "`version` must be the number the file is named after.";
    DateInvalid = "CN0309" "front-matter/date-invalid"
        "A date must be a day that exists, written YEAR-MONTH-DAY.";
    UnknownChecklistItem = "CN0310" "front-matter/unknown-checklist-item"
        "`not_applicable` or `not_covered` names something that is not an item of the privacy checklist. `clearnotice check` lists the items.";
    NotApplicableWithoutReason = "CN0311" "front-matter/not-applicable-without-reason"
        "An item marked as not applying must say why, in one plain sentence.";
    TranslationDisagrees = "CN0312" "front-matter/translation-disagrees"
        "A translation takes its version, dates and change from the version it translates: delete the line, or make it the same.";

    // 04: the text of a notice.
    RawHtml = "CN0401" "markdown/raw-html"
        "A notice is Markdown: HTML in it is refused. Write the same in Markdown, or \\< for a < sign.";
    ScriptLink = "CN0402" "markdown/script-link"
        "A link or picture address that runs a script (javascript:, data:, ...) is refused.";
    NestedTooDeep = "CN0403" "markdown/nested-too-deep"
        "Lists and quotes may nest only a few deep. Make the inner points a list of their own under a heading.";
    WebImage = "CN0404" "markdown/web-image"
        "A picture in a notice must be part of the site, not on another website.";
    TopLevelHeading = "CN0405" "markdown/top-level-heading"
        "A notice's sections start at ##: the title is the page's only top-level heading.";
    HeadingSkipsLevel = "CN0406" "markdown/heading-skips-level"
        "A heading may go down one level at a time (## then ###), as screen-reader users move by levels.";
    ControlCharacter = "CN0407" "markdown/control-character"
        "The text holds an invisible control character, probably pasted in. Delete it.";
    HeadingAttributes = "CN0408" "markdown/heading-attributes"
        "A heading's {…} may hold only its address, like {#what-we-collect}: no classes or other attributes.";
    HeadingAddressInvalid = "CN0409" "markdown/heading-address-invalid"
        "A heading's address is letters, digits, - and _ only.";
    HeadingAddressTwice = "CN0410" "markdown/heading-address-twice"
        "Two headings have the same address. Give each its own.";
    HeadingAddressReserved = "CN0411" "markdown/heading-address-reserved"
        "A heading's address is already used by a part of the page itself, so the heading gets another. Choose another address.";
    FalseHeading = "CN0412" "markdown/false-heading"
        "A line looks like a heading (bold, or in capitals) but is not marked as one, so screen readers cannot find it. Make it a ## heading.";
    BrokenLink = "CN0413" "markdown/broken-link"
        "A link goes to a page or #section the site does not have. Check the address.";
    HardToRead = "CN0414" "markdown/hard-to-read"
        "The standard text reads at a higher grade than the site's target ([readability] in site.toml; stricter for audience = \"children\"). Shorter sentences and everyday words bring it down: clearnotice check shows each section, the longest sentence, hard words with plainer ones and sentences in the passive voice.";

    // 05: easy read.
    PointWithoutPicture = "CN0501" "easy-read/point-without-picture"
        "Each easy-read point starts with its picture, like ![A phone](picture:phone).";
    TwoPictures = "CN0502" "easy-read/two-pictures"
        "An easy-read point has one picture: give each idea its own point.";
    Italics = "CN0503" "easy-read/italics"
        "Italics are hard to read. Use bold for a hard word and explain it.";
    SentenceTooLong = "CN0504" "easy-read/sentence-too-long"
        "Easy read keeps sentences short, one idea each. Split it.";
    Capitals = "CN0505" "easy-read/capitals"
        "Blocks of capitals are hard to read. Write it in lower case, or list a known acronym in site.toml's [easy_read] acronyms.";
    NumberAsWord = "CN0506" "easy-read/number-as-word"
        "Easy read writes numbers as digits: 3, not three.";
    PictureWithoutDescription = "CN0507" "easy-read/picture-without-description"
        "Every picture says what it shows between its square brackets: people who cannot see it hear this.";
    UnknownPicture = "CN0508" "easy-read/unknown-picture"
        "A picture is named that neither the theme nor the site has, or is not part of the site.";
    NoEasyRead = "CN0509" "easy-read/missing"
        "The current version has no easy-read text yet: its pages say so. Write it beside the version.";

    // 06: the version history and announcements.
    FirstNotOneZero = "CN0601" "history/first-not-1.0"
        "A notice's first version is 1.0.";
    FirstIsMinor = "CN0602" "history/first-is-minor"
        "The first version is a first publication, not a minor change.";
    ChangeNotSaid = "CN0603" "history/change-not-said"
        "A version after the first says change = \"major\" (people must be told) or change = \"minor\" (only updated online).";
    WrongMajorNumber = "CN0604" "history/wrong-major-number"
        "A major change raises the first number and resets the second: 1.3 becomes 2.0.";
    MajorWithoutSummary = "CN0605" "history/major-without-summary"
        "A major change says what changed in one plain sentence (`summary`): it is what people are told.";
    WrongMinorNumber = "CN0606" "history/wrong-minor-number"
        "A minor change raises the second number by one: 1.3 becomes 1.4.";
    EffectiveBeforePrevious = "CN0607" "history/effective-before-previous"
        "A version cannot take effect before the version it follows.";
    MinorChangeAnnounced = "CN0608" "history/minor-change-announced"
        "Minor changes are only updated online, so they have no `announced` date.";
    NotAnnounced = "CN0609" "history/not-announced"
        "A major change in effect, or soon to be, does not say when people were told. Send the pack `clearnotice announce` makes, then add announced = DATE.";
    AnnouncedLate = "CN0610" "history/announced-late"
        "People were told of a major change after it took effect: they must be told before.";
    NotYetInEffect = "CN0611" "history/not-yet-in-effect"
        "No version of the notice is in effect yet: it is published only at its version's address until its effective date.";
    ReviewDueSoon = "CN0612" "history/review-due-soon"
        "The current version is due for review within 30 days (review_by, or [review] every_months in site.toml). Review the notice, then set reviewed and a new review_by. A reminder: build --strict does not fail on it.";
    ReviewOverdue = "CN0613" "history/review-overdue"
        "The current version's review date has passed. Review the notice, then set reviewed = DATE and a new review_by in its front-matter; build --strict fails until then.";
    ReviewBeforeEffective = "CN0614" "history/review-before-effective"
        "review_by is before the version takes effect. Give a day while it is in effect.";

    // 07: translations.
    TranslationInSiteLanguage = "CN0701" "language/translation-in-site-language"
        "A translation is into the site's own language, which the version file itself is in.";
    TranslationNotPublished = "CN0702" "language/translation-not-published"
        "A translation is into a language the site is not published in. Add it to `languages` in site.toml.";
    TranslationOutOfDate = "CN0703" "language/translation-out-of-date"
        "The current version has no translation into one of the site's languages yet: readers of that language see an older version's text, marked as out of date.";

    // 08: the theme.
    TemplateError = "CN0801" "theme/template-error"
        "A template of the theme could not be read or rendered. Check the template you changed, or delete your copy to go back to the built-in one.";
    StylesheetError = "CN0802" "theme/stylesheet-error"
        "A stylesheet of the theme could not be read or bundled. Check it for a missing brace, colon or semicolon.";
    StringMissing = "CN0803" "theme/string-missing"
        "A strings file lacks a string the pages need. Add it.";
    StringUnknown = "CN0804" "theme/string-unknown"
        "A site's strings file has a key the theme does not. Check its spelling, or delete it.";
    StringPlaceholders = "CN0805" "theme/string-placeholders"
        "A message must have the same { $places } as the English one (a count may choose its form by them).";
    NoStringsForLanguage = "CN0806" "theme/no-strings-for-language"
        "The site is published in a language the theme has no strings for. Add strings/TAG.ftl to the theme.";
    StringsInvalid = "CN0807" "theme/strings-invalid"
        "A strings file is not valid Fluent (strings/TAG.ftl), says a direction other than ltr or rtl, or is still in the format before Fluent (.toml). Fix the line it names.";
    FontInvalid = "CN0808" "theme/font-invalid"
        "A file in the theme's fonts/ is not a TrueType or OpenType font.";
    PictureRefused = "CN0809" "theme/picture-refused"
        "A picture is refused: not the kind its name says, too big, or an SVG with scripts or links out.";
    ThemeBrokenLink = "CN0810" "theme/broken-link"
        "A link a theme template makes goes nowhere. Check the templates you changed.";
    HandoutLayoutError = "CN0811" "theme/handout-layout-error"
        "A handout layout of the theme has an error. Check your copy, or delete it to go back to the built-in one.";
    TextMessageTooLong = "CN0812" "theme/text-message-too-long"
        "The announcement's text message is over 160 characters, so phones would send it in parts. Shorten announce/sms.txt.";

    // 09: handouts and the output folder.
    HandoutFailed = "CN0901" "handout/failed"
        "A PDF handout could not be made from this text.";
    NoFontForCharacter = "CN0902" "handout/no-font-for-character"
        "No font on this computer has a character of the text, so the handouts print a box instead. Install a font that has it (the Noto fonts cover every script).";
    LiblouisMissing = "CN0903" "braille/liblouis-missing"
        "The site asks for braille ([braille] in site.toml), but liblouis is not installed, so no braille files are made. Install liblouis (liblouis-bin and liblouis-data on Debian or Ubuntu), or delete [braille].";
    BrailleNoTable = "CN0904" "braille/no-table"
        "liblouis has no braille table for one of the site's languages (or not the one [braille.tables] names), so that language's pages offer no braille. Name an installed table in [braille.tables].";
    BrailleFailed = "CN0905" "braille/failed"
        "liblouis could not translate a version into braille. Check that liblouis works (`lou_translate --version`), then build again.";
    UnsafeOutputFolder = "CN0910" "output/unsafe-folder"
        "clearnotice replaces its output folder whole, so it will not use one that holds the site's own files, or anything it did not make. Choose a new or empty folder.";
    InTheWay = "CN0911" "output/in-the-way"
        "A file or folder clearnotice works in beside the output is in the way, and clearnotice did not make it. Move it.";

    // 10: the privacy checklist.
    ChecklistItemsMissing = "CN1001" "checklist/items-missing"
        "The notice does not seem to cover some items people must be told (UK GDPR Articles 13 and 14). `clearnotice check` shows each item and where it was found.";

    // 11: the commands that write files (init, new, release, announce).
    NoSuchNotice = "CN1101" "command/no-such-notice"
        "There is no notice of that name: the name is the notice's folder under content/.";
    NoSuchVersion = "CN1102" "command/no-such-version"
        "The notice has no version of that number.";
    NothingToAnnounce = "CN1103" "command/nothing-to-announce"
        "The notice has no major change in effect or upcoming to announce.";
    AnnounceMinorChange = "CN1104" "command/announce-minor-change"
        "Minor changes are only updated online, not announced.";
    AnnounceFirstPublication = "CN1105" "command/announce-first-publication"
        "A notice's first version is its first publication, not a change to announce.";
    WouldOverwrite = "CN1106" "command/would-overwrite"
        "The command would overwrite something that is there already, which clearnotice never does. Choose another name or folder.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_enums_order_and_numbers_and_names_are_unique() {
        let mut numbers = std::collections::BTreeSet::new();
        let mut names = std::collections::BTreeSet::new();
        for (index, info) in CODES.iter().enumerate() {
            assert_eq!(info.code as usize, index, "{}", info.number);
            assert!(numbers.insert(info.number), "{} twice", info.number);
            assert!(names.insert(info.name), "{} twice", info.name);
            assert!(
                info.number.len() == 6 && info.number.starts_with("CN"),
                "{}",
                info.number
            );
            assert!(info.fix.ends_with('.'), "{}", info.number);
        }
        // In the order of their numbers, so the README's table reads in order.
        assert!(CODES.windows(2).all(|w| w[0].number < w[1].number));
    }

    /// The README's table of codes, as the table above makes it.
    pub(crate) fn readme_table() -> String {
        let mut table =
            String::from("| Code | Name | What it means, and the fix |\n|---|---|---|\n");
        for info in CODES {
            table.push_str(&format!(
                "| {} | `{}` | {} |\n",
                info.number,
                info.name,
                info.fix.replace('|', "\\|")
            ));
        }
        table
    }

    #[test]
    fn the_readme_lists_every_code_with_its_fix() {
        let readme = include_str!("../../README.md");
        let table = readme_table();
        assert!(
            readme.contains(&table),
            "README.md's table of problem codes is not the code's; put this under \"## Problem codes\":\n\n{table}"
        );
    }

    #[test]
    fn a_code_is_found_by_number_or_name() {
        assert_eq!(Code::find("cn0504"), Some(Code::SentenceTooLong));
        assert_eq!(
            Code::find("easy-read/sentence-too-long"),
            Some(Code::SentenceTooLong)
        );
        assert_eq!(Code::find("CN9999"), None);
    }
}
