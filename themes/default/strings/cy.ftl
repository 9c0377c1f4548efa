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
