# The words of the theme in British English. Every page, feed and handout takes its
# words from the strings file of its language: strings/<language tag>.ftl.
#
# { $name } marks a value filled in by clearnotice. Keys ending in _html are HTML.
# Every language's file must have every key of this one: a missing key stops the build
# and names the key. A site can replace this file with its own copy at
# themes/default/strings/en-GB.ftl.

language_name = English
direction = ltr
month_1 = January
month_2 = February
month_3 = March
month_4 = April
month_5 = May
month_6 = June
month_7 = July
month_8 = August
month_9 = September
month_10 = October
month_11 = November
month_12 = December
date = { $day } { $month } { $year }

# Every page
meta_description_notice = How { $organisation } collects, uses and looks after your information when you use { $service }.
meta_description_changes = Every change to { $title }, major and minor, and each version's own text.
skip_link = Skip to main content
languages_label = Languages
contact_heading = Contact us about your information
contact_write_to = Write to
contact_phone = Phone
contact_email = Email
contact_online = Online

# The index and the page-not-found page
index_lead = How { $organisation } uses and looks after your information. Choose the service you use.
index_version = Version { $version }, in effect from { $date }
index_also_in = Also in:
index_no_notices = There are no notices yet.
index_untranslated = These notices are not yet in English:
not_found_title = Page not found
not_found_typed = If you typed the web address, check it is correct.
not_found_pasted = If you pasted the web address, check you copied the entire address.
not_found_notices = Our privacy notices
not_found_all = See all our privacy notices

# The forms of a notice
form_standard = Standard
form_easy_read = Easy read
form_large_print = Large print
easy_read_suffix = (easy read)
large_print_suffix = (large print)
formats_label = Other formats of this notice
formats_heading = Read this notice in:
formats_this_page = (this page)
formats_no_easy_read = there is no easy-read version yet. To ask for one,
formats_ask = Ask for this notice in another format (braille, audio, British Sign Language, another language, easy read or large print):
ask_phone = phone
ask_or = or
ask_email = email
ask_online = contact us online
ask_below = use the contact details at the end of this page
handout_easy_read = easy-read leaflet
handout_large_print = large-print handout
braille_link_brf = Download in braille (BRF)
braille_link_brf_pages = { $pages ->
    [one] Download in braille (BRF, 1 braille page, { $size })
   *[other] Download in braille (BRF, { $pages } braille pages, { $size })
}
braille_link_pef = Download in braille for an embosser or braille display (PEF)
braille_link_pef_pages = { $pages ->
    [one] Download in braille for an embosser or braille display (PEF, 1 braille page, { $size })
   *[other] Download in braille for an embosser or braille display (PEF, { $pages } braille pages, { $size })
}
handout_link = Download the { $name } (PDF)
handout_link_pages = { $pages ->
    [one] Download the { $name } (PDF, 1 page, { $size })
   *[other] Download the { $name } (PDF, { $pages } pages, { $size })
}
handout_page_of = Page { $page } of { $pages }

# A notice's page
service = Service
controller = Controller
joint_controllers = Joint controllers
processor = Processor
version = Version
in_effect_from = In effect from
last_updated = Last updated
see_all_updates = see all updates
first_layer_heading = In this notice
first_layer_controller = Who we are
first_layer_categories = What we collect
first_layer_purposes = Why we use it
first_layer_recipients = Who we share it with
first_layer_retention = How long we keep it
first_layer_rights = Your rights
first_layer_complain = How to complain
contents = Contents
easy_read_version = Version { $version }. From { $date }.
running_version = version { $version }
updates_heading = Updates to this page
updates_every_change = See every change to this notice, major and minor
read_version = Read version { $version }
read_current = Read the current version
old_version = This is version { $version }
old_version_rest = , in effect from { $from } until { $until }. It has been replaced.
upcoming_version_rest = . It takes effect on { $date }; until then the current version applies.
upcoming_first_rest = . It takes effect on { $date }; no version of this notice is in effect before then.
notice_changes_on = This notice changes on { $date }.
what_is_changing = What is changing:
read_upcoming = Read version { $version }, which takes effect on { $date }
out_of_date = This text is out of date. It is the English text of version { $old }. Version { $version } is in effect now, and its English text is not ready yet.
out_of_date_read = Read version { $version } in { $language }
redirect_current = Version { $version } is the current version of this notice.
first_published = First published.

# The changelog and comparisons
changes_title = Changes to { $title }
changes_feed_title = Major changes to { $title }
changes_intro_html = We tell you about <strong>major changes</strong>, by email or post where we can. <strong>Minor changes</strong>, such as corrections, are only updated on this website.
last_reviewed_on = Last reviewed on { $date }.
major_changes = Major changes
minor_changes = Minor changes
no_major_changes = There have been no major changes.
no_minor_changes = There have been no minor changes.
subscribe = Subscribe to major changes (Atom feed)
version_heading = Version { $version }
takes_effect = (takes effect on { $date })
minor_update = A minor update.
announced = We told people about this change on { $date }.
what_changed_in = What changed in version { $version }
what_changed_title = What changed in version { $version } of { $title }
compare_lead = { $title }: version { $version }, in effect from { $date }, compared with version { $previous }.
compare_key_html = Added words are <ins class="key">underlined</ins>; removed words are <del class="key">struck through</del>. Unchanged text is folded away under “Show the unchanged text”.
read_in_full = Read version { $version } in full
all_changes = All changes to this notice
section_added = This section is new.
section_removed = This section was removed.
section_unchanged = No changes in this section.
compare_introduction = Introduction
compare_show_unchanged = Show the unchanged text
compare_punctuation_note = Only punctuation changed.
compare_same = The words are the same in both versions.
compare_punctuation = { $marks ->
    [one] Only punctuation changed: 1 mark.
   *[other] Only punctuation changed: { $marks } marks.
}
compare_words = { $added } added and { $removed } removed.
words_none = no words
words = { $count ->
    [one] 1 word
   *[other] { $count } words
}

# Feeds
feed_subtitle = Major changes to privacy notices from { $organisation }. Minor changes are only updated on the website.
feed_what_changed = What changed

# The announcement pack (clearnotice announce): the message the email and the letters
# say, the easy-read letter, the text message and the pack's README. Markdown in a
# message (**bold**, [words](address)) is kept; the values are escaped.
announce_heading = We are changing how we use your information
announce_about = { $organisation } has a privacy notice called **{ $title }**. It tells you how we collect, use and look after information about you.
announce_about_service = { $organisation } has a privacy notice called **{ $title }**. It tells you how we collect, use and look after information about you when you use { $service }.
announce_new_version = We are changing it. The new version is version { $version }. It takes effect on **{ $date }**.
announce_what_is_changing = What is changing
announce_what_to_do = What you need to do
announce_nothing_to_do = You do not need to do anything. You can read the new notice, and see exactly what changed, at these addresses:
announce_link_notice = The new notice:
announce_link_compare = What changed, word by word:
announce_link_easy_read = In easy read:
announce_link_easy_read_pdf = or as a leaflet to print:
announce_link_large_print = In large print:
announce_link_large_print_pdf = or to print:
announce_other_formats = If you would like it in another format (braille, audio, British Sign Language or another language), or on paper, please ask us.
announce_questions = Questions
announce_contact = If you have a question about this change or about your information, contact us:
announce_contact_named = If you have a question about this change or about your information, contact us and ask for the { $name }:
announce_phone = Phone
announce_email = Email
announce_website = Website
announce_post = Post
announce_ico = You can also complain to the Information Commissioner's Office (ICO), the UK's data protection regulator: [ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/) or 0303 123 1113.
announce_subject = Changes to our privacy notice: { $title }
announce_letter_title = { $title } – changes from { $date }
announce_alt_paper = A sheet of paper with writing
announce_alt_calendar = A calendar
announce_alt_agree = A thumbs up
announce_alt_read = A person reading a book
announce_alt_phone = A phone
announce_alt_email = An envelope with @, for email
announce_easy_paper = We have a leaflet about how we use your **information**. Information means facts about you.
announce_easy_change = We are changing the leaflet. The change starts on **{ $date }**.
announce_easy_nothing = You do not need to do anything.
announce_easy_read_online = You can read the new leaflet on our website: { $address }
announce_easy_phone = You can phone us on { $phone }.
announce_easy_email = You can email us at { $email }.
announce_sms = { $organisation }: our privacy notice is changing on { $date }. Read what is changing: { $address }
announce_readme_heading = What is in this folder
announce_readme_intro = These files tell people about a major change to a privacy notice: { $title }, version { $version }, which takes effect on { $date }.
announce_readme_nothing_sent = NOTHING HAS BEEN SENT. clearnotice never sends email, letters or text messages. Check each file, then send it the way you usually do.
announce_readme_when_told = When everyone has been told, add this line to the front-matter of { $file }:
announce_readme_why = so the changelog says when people were told.
announce_readme_languages = The pack in the site's other languages is in the folders: { $folders }.
announce_file_email_eml = The email, ready to open in an email program or import into a mailing tool: a plain-text part and an HTML part.
announce_file_email_txt = The email's plain text, to paste where HTML cannot be used.
announce_file_email_html = The email's HTML part, as a page you can open in a browser to check it.
announce_file_letter_html = The letter, to print on A4 from a browser (standard print).
announce_file_letter_pdf = The letter as an A4 PDF (standard print), tagged for screen readers.
announce_file_letter_large_print_html = The letter in large print, to print on A4 from a browser.
announce_file_letter_large_print_pdf = The letter in large print as an A4 PDF.
announce_file_letter_easy_read_html = The easy-read letter, to print on A4 from a browser (its pictures are in pictures/).
announce_file_letter_easy_read_pdf = The easy-read letter as an A4 PDF.
announce_file_sms_txt = The text message: under 160 characters, one message on every phone.
announce_file_readme_txt = This file.
