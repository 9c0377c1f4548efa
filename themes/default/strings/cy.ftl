# Geiriau'r thema yn Gymraeg (the theme's words in Welsh).
#
# NEEDS A CHECK BY A WELSH SPEAKER BEFORE PUBLICATION. These strings were written by
# the clearnotice developers, not by a Welsh speaker or translator. Every string below
# is unchecked: ask a Welsh speaker (or the Welsh Language Commissioner's guidance) to
# read each one before a site publishes Welsh pages, then delete this paragraph from
# the site's copy (themes/default/strings/cy.ftl).
#
# Sentences that need mutation or word order are kept whole, with { $name } marking the
# value filled in; dates are written "1 Ebrill 2027" (numbers do not mutate after "o").
# A count chooses its form by Welsh's six CLDR plural categories (zero, one, two,
# few, many, other): "1 dudalen", "2 dudalen", "3 tudalen", "6 thudalen" — the noun
# stays singular after a number and mutates as the number spoken before it would.

language_name = Cymraeg
direction = ltr
month_1 = Ionawr
month_2 = Chwefror
month_3 = Mawrth
month_4 = Ebrill
month_5 = Mai
month_6 = Mehefin
month_7 = Gorffennaf
month_8 = Awst
month_9 = Medi
month_10 = Hydref
month_11 = Tachwedd
month_12 = Rhagfyr
date = { $day } { $month } { $year }

meta_description_notice = Sut mae { $organisation } yn casglu, yn defnyddio ac yn gofalu am eich gwybodaeth pan fyddwch yn defnyddio { $service }.
meta_description_changes = Pob newid i { $title }, mawr a bach, a thestun pob fersiwn.
skip_link = Neidio i'r prif gynnwys
languages_label = Ieithoedd
contact_heading = Cysylltu â ni am eich gwybodaeth
contact_write_to = Ysgrifennu at
contact_phone = Ffôn
contact_email = E-bost
contact_online = Ar-lein

index_lead = Sut mae { $organisation } yn defnyddio ac yn gofalu am eich gwybodaeth. Dewiswch y gwasanaeth rydych chi'n ei ddefnyddio.
index_version = Fersiwn { $version }, mewn grym o { $date }
index_also_in = Hefyd ar gael fel:
index_no_notices = Does dim hysbysiadau eto.
index_untranslated = Dydy'r hysbysiadau hyn ddim ar gael yn Gymraeg eto:
not_found_title = Heb ddod o hyd i'r dudalen
not_found_typed = Os gwnaethoch deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir.
not_found_pasted = Os gwnaethoch ludo'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.
not_found_notices = Ein hysbysiadau preifatrwydd
not_found_all = Gweld ein holl hysbysiadau preifatrwydd

form_standard = Safonol
form_easy_read = Hawdd ei ddeall
form_large_print = Print bras
easy_read_suffix = (hawdd ei ddeall)
large_print_suffix = (print bras)
formats_label = Fformatau eraill yr hysbysiad hwn
formats_heading = Darllen yr hysbysiad hwn fel:
formats_this_page = (y dudalen hon)
formats_no_easy_read = does dim fersiwn hawdd ei ddeall eto. I ofyn am un,
formats_ask = Gofyn am yr hysbysiad hwn mewn fformat arall (braille, sain, Iaith Arwyddion Prydain, iaith arall, hawdd ei ddeall neu brint bras):
ask_phone = ffoniwch
ask_or = neu
ask_email = e-bostiwch
ask_online = cysylltwch â ni ar-lein
ask_below = defnyddiwch y manylion cyswllt ar waelod y dudalen hon
handout_easy_read = daflen hawdd ei deall
handout_large_print = llyfryn print bras
braille_link_brf = Lawrlwytho mewn Braille (BRF)
braille_link_brf_pages = { $pages ->
    [zero] Lawrlwytho mewn Braille (BRF, 0 tudalen Braille, { $size })
    [one] Lawrlwytho mewn Braille (BRF, 1 dudalen Braille, { $size })
    [two] Lawrlwytho mewn Braille (BRF, 2 dudalen Braille, { $size })
    [few] Lawrlwytho mewn Braille (BRF, { $pages } tudalen Braille, { $size })
    [many] Lawrlwytho mewn Braille (BRF, { $pages } thudalen Braille, { $size })
   *[other] Lawrlwytho mewn Braille (BRF, { $pages } tudalen Braille, { $size })
}
braille_link_pef = Lawrlwytho mewn Braille ar gyfer peiriant boglynnu neu ddangosydd Braille (PEF)
braille_link_pef_pages = { $pages ->
    [zero] Lawrlwytho mewn Braille ar gyfer peiriant boglynnu neu ddangosydd Braille (PEF, 0 tudalen Braille, { $size })
    [one] Lawrlwytho mewn Braille ar gyfer peiriant boglynnu neu ddangosydd Braille (PEF, 1 dudalen Braille, { $size })
    [two] Lawrlwytho mewn Braille ar gyfer peiriant boglynnu neu ddangosydd Braille (PEF, 2 dudalen Braille, { $size })
    [few] Lawrlwytho mewn Braille ar gyfer peiriant boglynnu neu ddangosydd Braille (PEF, { $pages } tudalen Braille, { $size })
    [many] Lawrlwytho mewn Braille ar gyfer peiriant boglynnu neu ddangosydd Braille (PEF, { $pages } thudalen Braille, { $size })
   *[other] Lawrlwytho mewn Braille ar gyfer peiriant boglynnu neu ddangosydd Braille (PEF, { $pages } tudalen Braille, { $size })
}
handout_link = Lawrlwytho'r { $name } (PDF)
handout_link_pages = { $pages ->
    [zero] Lawrlwytho'r { $name } (PDF, 0 tudalen, { $size })
    [one] Lawrlwytho'r { $name } (PDF, 1 dudalen, { $size })
    [two] Lawrlwytho'r { $name } (PDF, 2 dudalen, { $size })
    [few] Lawrlwytho'r { $name } (PDF, { $pages } tudalen, { $size })
    [many] Lawrlwytho'r { $name } (PDF, { $pages } thudalen, { $size })
   *[other] Lawrlwytho'r { $name } (PDF, { $pages } tudalen, { $size })
}
handout_page_of = Tudalen { $page } o { $pages }

service = Gwasanaeth
controller = Rheolydd
joint_controllers = Cyd-reolwyr
processor = Prosesydd
version = Fersiwn
in_effect_from = Mewn grym o
last_updated = Diweddarwyd ddiwethaf
see_all_updates = gweld pob diweddariad
first_layer_heading = Yn yr hysbysiad hwn
first_layer_controller = Pwy ydym ni
first_layer_categories = Beth rydym yn ei gasglu
first_layer_purposes = Pam rydym yn ei ddefnyddio
first_layer_recipients = Gyda phwy rydym yn ei rannu
first_layer_retention = Am ba hyd rydym yn ei gadw
first_layer_rights = Eich hawliau
first_layer_complain = Sut i gwyno
contents = Cynnwys
easy_read_version = Fersiwn { $version }. O { $date } ymlaen.
running_version = fersiwn { $version }
updates_heading = Diweddariadau i'r dudalen hon
updates_every_change = Gweld pob newid i'r hysbysiad hwn, mawr a bach
read_version = Darllen fersiwn { $version }
read_current = Darllen y fersiwn gyfredol
old_version = Dyma fersiwn { $version }
old_version_rest = , a oedd mewn grym o { $from } tan { $until }. Mae fersiwn newydd wedi cymryd ei lle.
upcoming_version_rest = . Bydd yn dod i rym ar { $date }; tan hynny, mae'r fersiwn gyfredol yn berthnasol.
upcoming_first_rest = . Bydd yn dod i rym ar { $date }; does dim fersiwn o'r hysbysiad hwn mewn grym cyn hynny.
notice_changes_on = Mae'r hysbysiad hwn yn newid ar { $date }.
what_is_changing = Beth sy'n newid:
read_upcoming = Darllen fersiwn { $version }, sy'n dod i rym ar { $date }
out_of_date = Mae'r testun hwn wedi dyddio. Dyma destun Cymraeg fersiwn { $old }. Mae fersiwn { $version } mewn grym nawr, a dydy ei thestun Cymraeg ddim yn barod eto.
out_of_date_read = Darllen fersiwn { $version } yn { $language }
redirect_current = Fersiwn { $version } yw fersiwn gyfredol yr hysbysiad hwn.
first_published = Cyhoeddwyd gyntaf.

changes_title = Newidiadau i { $title }
changes_feed_title = Newidiadau mawr i { $title }
changes_intro_html = Rydyn ni'n rhoi gwybod i chi am <strong>newidiadau mawr</strong>, drwy e-bost neu'r post lle gallwn ni. Dim ond ar y wefan hon mae <strong>newidiadau bach</strong>, fel cywiriadau, yn cael eu diweddaru.
last_reviewed_on = Adolygwyd ddiwethaf ar { $date }.
major_changes = Newidiadau mawr
minor_changes = Newidiadau bach
no_major_changes = Does dim newidiadau mawr wedi bod.
no_minor_changes = Does dim newidiadau bach wedi bod.
subscribe = Tanysgrifio i newidiadau mawr (ffrwd Atom)
version_heading = Fersiwn { $version }
takes_effect = (yn dod i rym ar { $date })
minor_update = Diweddariad bach.
announced = Rhoesom wybod i bobl am y newid hwn ar { $date }.
what_changed_in = Beth newidiodd yn fersiwn { $version }
what_changed_title = Beth newidiodd yn fersiwn { $version } o { $title }
compare_lead = { $title }: fersiwn { $version }, mewn grym o { $date }, o'i chymharu â fersiwn { $previous }.
compare_key_html = Mae geiriau newydd wedi'u <ins class="key">tanlinellu</ins>; mae geiriau a dynnwyd allan wedi'u <del class="key">croesi allan</del>. Mae'r testun sydd heb newid wedi'i blygu o dan “Dangos y testun sydd heb newid”.
read_in_full = Darllen fersiwn { $version } yn llawn
all_changes = Pob newid i'r hysbysiad hwn
section_added = Mae'r adran hon yn newydd.
section_removed = Cafodd yr adran hon ei thynnu allan.
section_unchanged = Dim newidiadau yn yr adran hon.
compare_introduction = Cyflwyniad
compare_show_unchanged = Dangos y testun sydd heb newid
compare_punctuation_note = Dim ond yr atalnodi a newidiodd.
compare_same = Mae'r geiriau yr un fath yn y ddwy fersiwn.
compare_punctuation = { $marks ->
    [one] Dim ond yr atalnodi a newidiodd: 1 nod.
   *[other] Dim ond yr atalnodi a newidiodd: { $marks } nod.
}
compare_words = Geiriau newydd: { $added }. Geiriau a dynnwyd allan: { $removed }.
words_none = dim
words = { $count ->
    [one] 1
   *[other] { $count }
}

feed_subtitle = Newidiadau mawr i hysbysiadau preifatrwydd { $organisation }. Dim ond ar y wefan mae newidiadau bach yn cael eu diweddaru.
feed_what_changed = Beth newidiodd

# Y pecyn cyhoeddi (clearnotice announce): the message the email and the letters say,
# the easy-read letter, the text message and the pack's README. Markdown in a message
# (**bold**, [words](address)) is kept.
announce_heading = Rydym yn newid sut rydym yn defnyddio eich gwybodaeth
announce_about = Mae gan { $organisation } hysbysiad preifatrwydd o'r enw **{ $title }**. Mae'n dweud wrthych sut rydym yn casglu, yn defnyddio ac yn gofalu am wybodaeth amdanoch chi.
announce_about_service = Mae gan { $organisation } hysbysiad preifatrwydd o'r enw **{ $title }**. Mae'n dweud wrthych sut rydym yn casglu, yn defnyddio ac yn gofalu am wybodaeth amdanoch chi pan fyddwch yn defnyddio { $service }.
announce_new_version = Rydym yn ei newid. Fersiwn { $version } yw'r fersiwn newydd. Daw i rym ar **{ $date }**.
announce_what_is_changing = Beth sy'n newid
announce_what_to_do = Beth sydd angen i chi ei wneud
announce_nothing_to_do = Nid oes angen i chi wneud dim. Gallwch ddarllen yr hysbysiad newydd, a gweld yn union beth a newidiodd, yn y cyfeiriadau hyn:
announce_link_notice = Yr hysbysiad newydd:
announce_link_compare = Beth a newidiodd, gair am air:
announce_link_easy_read = Mewn fersiwn hawdd ei darllen:
announce_link_easy_read_pdf = neu fel taflen i'w hargraffu:
announce_link_large_print = Mewn print bras:
announce_link_large_print_pdf = neu i'w argraffu:
announce_other_formats = Os hoffech ei gael mewn fformat arall (Braille, sain, Iaith Arwyddion Prydain neu iaith arall), neu ar bapur, gofynnwch i ni.
announce_questions = Cwestiynau
announce_contact = Os oes gennych gwestiwn am y newid hwn neu am eich gwybodaeth, cysylltwch â ni:
announce_contact_named = Os oes gennych gwestiwn am y newid hwn neu am eich gwybodaeth, cysylltwch â ni a gofynnwch am { $name }:
announce_phone = Ffôn
announce_email = E-bost
announce_website = Gwefan
announce_post = Post
announce_ico = Gallwch hefyd gwyno i Swyddfa'r Comisiynydd Gwybodaeth (ICO), rheoleiddiwr diogelu data'r DU: [ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/) neu 0303 123 1113.
announce_subject = Newidiadau i'n hysbysiad preifatrwydd: { $title }
announce_letter_title = { $title } – newidiadau o { $date }
announce_alt_paper = Dalen o bapur gydag ysgrifen arni
announce_alt_calendar = Calendr
announce_alt_agree = Bawd i fyny
announce_alt_read = Person yn darllen llyfr
announce_alt_phone = Ffôn
announce_alt_email = Amlen gydag @, ar gyfer e-bost
announce_easy_paper = Mae gennym daflen am sut rydym yn defnyddio eich **gwybodaeth**. Mae gwybodaeth yn golygu ffeithiau amdanoch chi.
announce_easy_change = Rydym yn newid y daflen. Mae'r newid yn dechrau ar **{ $date }**.
announce_easy_nothing = Nid oes angen i chi wneud dim.
announce_easy_read_online = Gallwch ddarllen y daflen newydd ar ein gwefan: { $address }
announce_easy_phone = Gallwch ein ffonio ar { $phone }.
announce_easy_email = Gallwch anfon e-bost atom yn { $email }.
announce_sms = { $organisation }: mae ein hysbysiad preifatrwydd yn newid ar { $date }. Darllenwch beth sy'n newid: { $address }
announce_readme_heading = Beth sydd yn y ffolder hon
announce_readme_intro = Mae'r ffeiliau hyn yn dweud wrth bobl am newid mawr i hysbysiad preifatrwydd: { $title }, fersiwn { $version }, sy'n dod i rym ar { $date }.
announce_readme_nothing_sent = NID OES DIM WEDI'I ANFON. Nid yw clearnotice byth yn anfon e-byst, llythyrau na negeseuon testun. Gwiriwch bob ffeil, yna anfonwch hi yn y ffordd arferol.
announce_readme_when_told = Pan fydd pawb wedi cael gwybod, ychwanegwch y llinell hon at ragymadrodd { $file }:
announce_readme_why = fel bod y log newidiadau yn dweud pryd y cafodd pobl wybod.
announce_readme_languages = Mae'r pecyn yn ieithoedd eraill y wefan yn y ffolderi: { $folders }.
announce_file_email_eml = Yr e-bost, yn barod i'w agor mewn rhaglen e-bost neu i'w fewnforio i offeryn postio: rhan testun plaen a rhan HTML.
announce_file_email_txt = Testun plaen yr e-bost, i'w ludo lle na ellir defnyddio HTML.
announce_file_email_html = Rhan HTML yr e-bost, fel tudalen y gallwch ei hagor mewn porwr i'w gwirio.
announce_file_letter_html = Y llythyr, i'w argraffu ar A4 o borwr (print safonol).
announce_file_letter_pdf = Y llythyr fel PDF A4 (print safonol), wedi'i dagio ar gyfer darllenwyr sgrin.
announce_file_letter_large_print_html = Y llythyr mewn print bras, i'w argraffu ar A4 o borwr.
announce_file_letter_large_print_pdf = Y llythyr mewn print bras fel PDF A4.
announce_file_letter_easy_read_html = Y llythyr hawdd ei ddarllen, i'w argraffu ar A4 o borwr (mae ei luniau yn pictures/).
announce_file_letter_easy_read_pdf = Y llythyr hawdd ei ddarllen fel PDF A4.
announce_file_sms_txt = Y neges destun: llai na 160 nod, un neges ar bob ffôn.
announce_file_readme_txt = Y ffeil hon.
