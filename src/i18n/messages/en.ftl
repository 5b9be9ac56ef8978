# jarya's messages in English. Each key exists in ru.ftl and ky.ftl with the same
# placeholders ($name); `cargo test` checks both. Code: `msg!("key", name = value)`.

## Outcome of a command

content-errors = { $count ->
    [one] 1 error in the site's files; nothing was written
   *[other] { $count } errors in the site's files; nothing was written
}
io-failed = { $path }: { $reason }
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-address-in-use = the address is already in use by another program
io-other = { $detail }

## Front matter and settings values

lang-unknown = unknown language "{ $found }"
lang-unknown-hint = use one of: ru, ky

## content/site.yaml

settings-missing = the site settings file is missing
settings-missing-hint = create content/site.yaml with base_url and languages; see README.md, "Site settings"
setting-unknown = unknown setting `{ $name }`
setting-unknown-suggest = did you mean `{ $suggestion }`? Settings: { $list }
setting-unknown-hint = settings: { $list }
shape-expected = expected { $expected }, found { $found }
expect-settings-lines = settings as `name: value` lines
settings-example-hint = compare with the example in README.md, "Site settings"
expect-one-value = one value on the line
expect-one-value-hint = write the value on the same line as the setting's name
expect-language-entries = one entry per language
languages-shape-hint = write `languages:`, then `  ru: {"{"}title: ..., description: ...{"}"}`
expect-language-parts = a title and a description for { $code }
language-parts-hint = write `  ru: {"{"}title: ..., description: ...{"}"}`
language-part-unknown = unknown part `{ $part }` of language { $code }
language-part-unknown-hint = a language has a title and a description
base-url-invalid = expected the address where the site is published, found "{ $found }"
base-url-hint = write it in full: base_url: https://our-ngo.kg/
languages-none = the site has no languages
languages-none-hint = add `languages:` with `ru:` and `ky:`, each with a title and a description
language-no-title = language { $code } has no title
language-no-title-hint = add `title: ...` under the language: the site's name in that language
default-language-missing = the default language { $code } is not among `languages`
default-language-missing-hint = add it under `languages:` or pick another default
per-page-invalid = expected a number of releases per page from 1 to 1000, found "{ $found }"
per-page-hint = the usual is 20
timezone-unknown = unknown time zone "{ $found }"
timezone-hint = use a name from the time zone database, such as Asia/Bishkek or Asia/Almaty
event-duration-invalid = expected how long an event lasts, found "{ $found }"
event-duration-hint = write hours and minutes: event_duration: 2h (or 90m, 1h30m)
phone-region-invalid = "{ $found }" is not a country code of two letters
phone-region-hint = Kyrgyzstan is KG, Kazakhstan KZ, Russia RU
phone-code-invalid = expected a country calling code, found "{ $found }"
phone-code-hint = Kyrgyzstan's is 996; or write `phone_region: KG`

## YAML (front matter, site.yaml, registries)

yaml-colon = this is not valid YAML: a value holds a colon (:) and is not in quotes
yaml-colon-hint = a value that contains a colon (:) must be put in straight quotes: title: "Форум: итоги"
yaml-colon-fix-hint = put the value in straight quotes: { $fixed }
yaml-tab = this is not valid YAML: a tab, or a character that cannot start a value
yaml-tab-hint = indent with spaces, not tabs; put a value that starts with @, ` or % in quotes
yaml-duplicate = this is not valid YAML: `{ $field }` appears twice
yaml-duplicate-hint = each field may appear only once: delete one of them
yaml-indent = this is not valid YAML: the indentation does not match the lines above
yaml-indent-hint = check the indentation: list items start with `  - ` under their field
yaml-invalid = this is not valid YAML: { $detail }
yaml-invalid-hint = check this line and the one before it: quotes must be closed, lists indented
yaml-nested-quotes = the value of `{ $field }` has { $quote } quotes inside { $quote } quotes, so it ends too early
yaml-nested-quotes-hint = use «ёлочки» inside: { $with_guillemets }, or other quotes around the value: { $with_other_quotes }
yaml-unclosed-quote = the quote that opens the value is not closed, so the lines after it are read as part of it
yaml-unclosed-quote-hint = end the value with the same quote on its line: { $fixed }
yaml-sign-first = the value starts with { $sign }, which YAML reads as a sign of its own, not as text
yaml-sign-first-hint = put the whole value in quotes: { $fixed }
yaml-dash = this is not valid YAML: `- ` (a list item) cannot follow a field's name on the same line
yaml-dash-hint = write each item on its own line under the field (`  - Название`); if the dash belongs to the text, put the value in quotes: title: "- Итоги"
yaml-no-colon = this is not valid YAML: this line is neither `field: value` nor an item of a list
yaml-no-colon-hint = start it with its field's name and a colon, or join it to the value on the line above (in quotes if that value has several lines)
yaml-colon-space = there is no space after `{ $field }:`, so YAML does not see a field here
yaml-colon-space-hint = put a space after the colon: { $fixed }
yaml-escape = this is not valid YAML: in "double quotes" a backslash \ starts a special character, and this one is none
yaml-escape-hint = put the value in 'single quotes', where a backslash stays as written: image: 'C:\Фото\зал.jpg', or write \\ for each \
yaml-comment = the text after # is left out (in YAML, a space and # start a comment), so the value would be "{ $value }"
yaml-comment-all = the value starts with # and a word, which YAML reads as a comment (a hashtag too), so the field would be empty
yaml-comment-hint = if # belongs to the text, put the whole value in quotes: { $fixed }; a comment goes on a line of its own
yaml-flow-open = the list that opens with { $sign } is not closed on its line, so the lines after it are read as part of it
yaml-flow-open-hint = end the list on the same line with { $close }: { $fixed }
yaml-item-no-key = the list item "{ $text }" has parts under it (`{ $part }: …`), but its own line has no field name
yaml-item-no-key-hint = name its first part too: { $fixed }
found-nothing = nothing
found-value = `{ $value }`
found-text = "{ $value }"
found-number = the number { $value }
found-list = a list
found-map = named parts (`key: value` lines)

## Front matter: shapes of fields

field-unknown = unknown field `{ $name }`
field-unknown-suggest = did you mean `{ $suggestion }`? Known fields: { $list }
field-unknown-hint = known fields: { $list }
field-time-hint = put the time in `date`: `date: 2025-06-27 10:00`
field-one-line = expected one line of text, found { $found }
field-one-line-hint = write the value on the same line as the field name
field-bool = expected true or false, found { $found }
field-bool-hint = write `draft: true` to hide the release, or delete the line
field-names = expected a list of names, found { $found }
field-names-item = each item must be a name, found { $found }
field-names-hint = write each name on its own line starting with `  - `
contacts-list = expected a list of contacts, found { $found }
contacts-item = each contact must have named parts (name, email, phone...), found { $found }
contacts-hint = write each contact as `  - name: ...` followed by `    email: ...` and/or `    phone: ...` lines
location-shape = expected a place, found { $found }
location-hint = write `location: Бишкек, ул. Киевская 96` or give `name`, `address` and `city` on indented lines
part-unknown = unknown part `{ $part }`
part-unknown-suggest = did you mean `{ $suggestion }`? It has: { $list }
part-unknown-hint = it has: { $list }
part-one-line = `{ $part }` must be one line of text, found { $found }

## Files

file-unreadable = cannot read the file: { $reason }
folder-unreadable = cannot read this folder: { $reason }
file-not-utf8 = the file is not UTF-8 text
file-not-utf8-hint = save it as "UTF-8" (in Notepad: File > Save as > Encoding: UTF-8)
file-read-as-1251 = the file is saved in the Windows-1251 encoding ("ANSI"), not UTF-8: it was read as Cyrillic text
file-letters-lost = the file is saved in the Windows-1251 encoding ("ANSI"), which has no letters ң, ө, ү: they were saved as "?" ("{ $word }")
file-letters-lost-hint = save the file as "UTF-8" (in Notepad: File > Save as > Encoding: UTF-8) and type the lost letters again
file-changed-during-build = the file changed while the site was being built
file-changed-during-build-hint = build again once the file is saved: the site was left as it was
front-matter-missing = the file does not start with front matter
front-matter-missing-hint = begin the file with a line `---`, the fields (title, date, lang, organizers), then another `---` line, then the text
front-matter-unclosed = the front matter is never closed
front-matter-unclosed-hint = add a line `---` after the last field, before the text
front-matter-shape = the front matter must be a list of `field: value` lines
front-matter-shape-hint = write each field on its own line, like `title: Название`

## Front matter: values

field-missing = the required field `{ $field }` is missing
field-missing-hint = add a line before the closing `---`: { $example }
title-empty = the title is empty
title-empty-hint = write the release's headline after `title:`
lang-use-one-of = use one of: { $list }
lang-meant = write `{ $field }: { $code }`: languages are written as their two-letter codes, Kyrgyz ky (kg is the country), Russian ru
lang-folder-mismatch = the file is in the `{ $folder }` folder but says `lang: { $lang }`
lang-folder-mismatch-hint = write `lang: { $folder }`, or move the file to content/{ $lang }/
date-invalid = "{ $found }" is not a date
date-not-real = "{ $found }" is not a real date (check the month and the day)
date-time-not-real = "{ $found }" is not a real date and time (check the hours and minutes: 10:00 or 14:00-18:00)
date-ambiguous = "{ $found }" can be read two ways: from { $start } to { $end } the next day, or { $start } at the UTC offset -{ $end }; write `date: { $day } { $start }` and `end: <the day> { $end }`, or the offset as { $offset_form }
date-written-hint = write `{ $field }: { $date }` (year-month-day), or with a time: `{ $field }: { $date } 10:00`
date-time-hint = write `{ $field }: { $date } { $time }` (year-month-day, then the time)
date-range-hint = write `{ $field }: { $date } { $start }-{ $end }` (year-month-day, then when it starts and ends)
date-days = "{ $found }" is several days: `date` holds the day (and time) the event starts, and `end` the day it ends
date-days-hint = write two lines: `date: { $start }` and below it `end: { $end }`
date-hint = write the date as year-month-day: `{ $field }: 2025-06-27`, or with a time: `{ $field }: 2025-06-27 10:00` or `{ $field }: 2025-06-27 14:00-18:00`
date-moment-hint = write the date as year-month-day: `{ $field }: 2025-06-27`, or with a time: `{ $field }: 2025-06-27 10:00`
end-time-hint = for an end on the day the event starts, write the time alone: `end: { $time }`
end-twice = the end is given twice: in `date: { $date }` and in `end`
end-twice-hint = keep one of them: the time range in `date`, or `end`
end-range = `end: { $found }` holds a time range
end-range-hint = `end` is the last day and time: end: 2025-06-28 18:00
end-before-start = the event ends ({ $end }) before it starts ({ $start })
end-before-start-hint = `end` is the last day (and time) of the event; check both dates
end-time-without-start = an end time ({ $time }) is given, but `date: { $date }` has no start time, so when the event starts is unknown
end-time-without-start-hint = write the start time in `date`: date: { $date } 10:00, or the last day without a time in `end`: end: { $day }
slug-empty = "{ $found }" has no letters or digits to make a web address from
slug-empty-hint = use letters, digits and dashes: slug: forum-2025
slug-file-name-empty = the file name "{ $name }" has no letters or digits to make a web address from
slug-file-name-empty-hint = rename the file, or add a line `slug: forum-2025`
slug-reserved = the web address `{ $slug }` is reserved for the site's own pages
slug-reserved-hint = add a line `slug: ...` with another name, or rename the file
slug-device = the web address `{ $slug }` is a name Windows keeps for devices: this page could not be written or opened on Windows
slug-device-hint = give it another address, for example `slug: { $slug }-2025`
image-invalid = "{ $found }" is not a picture path under static/ or a full web address
image-invalid-hint = write a path under static/, like `image: img/forum.jpg`, or a full https:// address
image-on-computer-hint = this is a file on your computer, which readers cannot reach: copy { $file } into static/img/ (or beside index.md in the release's folder) and write `image: img/{ $file }`
image-alt-missing = the release has a picture (`image`) but does not say what it shows
image-alt-missing-hint = add a line under image: in a few words, what the picture shows, for readers who cannot see it: `image_alt: Участники форума в зале`
image-unreadable = the picture {$path} cannot be read (a damaged file, or larger than 50 megapixels)
image-unreadable-hint = save it again as JPEG or PNG, at most 4000 pixels wide, and put it in the same place

## Contacts

contact-no-name = a contact has no name
contact-no-name-hint = add `name: ...`: a person or an office
contact-unreachable = { $name } has no email, phone or url
contact-unreachable-unnamed = a contact has no email, phone or url
contact-unreachable-hint = give at least one way to reach them: `email: ...` or `phone: ...`
email-invalid = "{ $found }" is not an email address
email-invalid-hint = write it like name@example.kg
email-fix-hint = write `{ $fixed }`
phone-impossible = "{ $found }" does not look like a possible phone number
phone-impossible-hint = check the digits: a Kyrgyz number is 0 and 9 digits (0 312 91 10 10, 0555 12 34 56) or +996 and 9 digits
phone-invalid = "{ $found }" is not a phone number
phone-invalid-hint = write the digits with spaces, like 0 312 91 10 10 or +996 771 28 66 05
phone-words-hint = write the number alone: `{ $fixed }` (words that must stay go in brackets after it)
url-invalid = "{ $found }" is not a web address
url-invalid-hint = write it in full: { $fixed }

## Addresses, translations, registries' names, links

slug-taken = two releases have the web address { $address }: this file and { $other }
slug-taken-hint = give one of them another `slug:` (or rename the file)
translation-key-shared = two { $lang } releases share the translation_key "{ $key }": this file and { $other }
translation-key-shared-hint = a translation_key pairs one release per language: give each event its own key
translation-name-shared = this file and { $other } have the same name in one language, so neither is linked to a translation
translation-name-shared-hint = add the same `translation_key:` to a release and its translation
term-unregistered = the { $kind ->
    [topics] topic
   *[other] organizer
} "{ $name }" is not in { $registry } (used in { $files }{ $more ->
    [0] {""}
   *[other] {""} and { $more } more
})
topic-new-hint = if it is a new topic, add it to { $registry }
organizer-new-hint = if it is a new organizer, add it to { $registry }
term-closest-hint = did you mean { $suggestions }? Otherwise add it to { $registry }
topic-slip = the topic "{ $name }" is almost "{ $meant }" of { $registry }: a typo would publish a topic page of its own
topic-slip-hint = write "{ $meant }"; if it is another topic, add it to { $registry }
names-comma = "{ $name }" is read as one name with a comma in it
names-comma-hint = several names go in a list: `{ $list_form }`; one name with a comma must be added to the registry ({ $registry })
link-to-draft = the link "{ $link }" leads to a draft, which this build leaves out
link-to-draft-hint = the link will work once that release is published (draft: false)
link-to-unknown-file = the link "{ $link }" leads to a file that is not a release of this site
link-to-unknown-file-hint = link to the other release's .md file relative to this one (like ../ky/forum.md), or to its page (/ru/slug/)

## Registries (topics.yaml, organizations.yaml)

registry-key-repeated = the key `{ $key }` is already used on line { $line }
registry-key-repeated-hint = each topic or organization is listed once: merge the two entries
registry-shape = expected one entry per key, found { $found }
registry-shape-hint = start each entry with its key at the start of a line: `gender-equality:`
registry-key-empty = an entry has an empty key
registry-key-empty-hint = start each entry with its key, lowercase Latin letters, digits and dashes: `gender-equality:`
registry-key-invalid = the key `{ $key }` is not usable in a web address
registry-key-invalid-hint = a key is lowercase Latin letters, digits and dashes
registry-key-invalid-suggest = a key is lowercase Latin letters, digits and dashes: `{ $suggestion }`
registry-key-device-hint = Windows keeps this name for devices, so its page could not be written there: choose another, for example `{ $key }-org`
registry-entry-shape = expected the entry's names, found { $found }
registry-entry-shape-hint = write the names on indented lines under the key: `  ru: ...` and `  ky: ...`
registry-entry-no-name = the entry has no name
registry-entry-no-name-hint = add its name in each language: `  ru: ...` and `  ky: ...`
registry-logo-missing = the logo { $path } does not exist
registry-logo-missing-hint = put the picture in the static/ folder and give its path from there: `logo: img/logo.png`
logo-on-computer-hint = this is a file on your computer, which readers cannot reach: copy { $file } into static/img/ and write `logo: img/{ $file }`
registry-names-per-language = names are given per language: { $list }
registry-lang-meant = write `{ $code }:`: languages are written as their two-letter codes, Kyrgyz ky (kg is the country), Russian ru
registry-field-suggest = did you mean `{ $suggestion }`? An entry has: { $list }
registry-field-hint = an entry has: { $list }
registry-name-shared = "{ $name }" also names the entry `{ $other }`
registry-name-shared-hint = a name or alias may belong to one entry only: remove it from one of them
registry-per-language = expected the text per language, found { $found }
registry-per-language-hint = give the text per language: `{"{"}ru: ..., ky: ...{"}"}`

## Outputs, templates, links checked by `check`

origin-file = { $path }
origin-page = the page { $path }
origin-release-calendar = the calendar file of { $path }
origin-generated = the generated file { $path }
output-collision-file = this file and { $other } would both be written to { $path }
output-collision = { $first } and { $second } would both be written to { $path }
output-collision-hint = rename or move one of them (or give the release another `slug:`)
output-outside = refusing to write { $path } outside the output folder
output-old-copy-kept = the previous output was replaced, but its old copy { $path } could not be removed ({ $reason }); the next build removes it
page-data-failed = cannot prepare page data: { $detail }
template-error = template error: { $detail }
template-error-hint = fix the template, or delete it to use the built-in one
template-parent-missing = template error: it extends "{ $parent }", which does not exist
template-parent-missing-hint = check the name in {"{"}% extends %{"}"}
template-missing = template error: the template does not exist
image-missing = the picture "{ $path }" does not exist
image-missing-hint = put it under static/ (or beside index.md in a bundle) and give its path
image-meant-hint = the site has `{ $found }`: write `{ $field }: { $found }` (the path inside static/, with capital and small letters as in the file's name: the server tells them apart, Windows does not)
body-link-broken = the link "{ $link }" leads to nothing on this site
body-picture-broken = the picture "{ $link }" leads to nothing on this site
body-link-broken-hint = check the address: pages are /<lang>/<slug>/, files under static/ are /<path>
link-file-hint = a release's own files are published from its folder: make the folder `{ $folder }`, move `{ $release }` into it as `index.md` and put `{ $file }` beside it (`jarya new --bundle` makes such a folder); or put the file under static/ and link to `/{ $file }`
link-file-bundle-hint = put `{ $file }` in the folder `{ $folder }`, beside `index.md`; or put it under static/ and link to `/{ $file }`
link-meant-hint = the site has `{ $fixed }`: write the address with capital and small letters as there (the server tells them apart, Windows does not)

## serve

not-a-site = { $path } has no content/ folder: is this a jarya site? Go to the site's folder (cd) or name it with --site; `jarya init` makes a new site
serve-cannot-listen = cannot listen on { $address }: { $reason }
serve-port-taken = { $address } is taken by another program (another `jarya serve`?): stop it, or choose another port: --port { $next }
serve-port-moved = port { $taken } is taken by another program (another `jarya serve`?): this one uses { $port }
serve-built = Built
serve-serving = Serving the site on { $url } (Ctrl-C to stop)
serve-file-changed = { $path } changed
serve-files-changed = { $count } files changed
serve-rerendered = { $what }; { $count ->
    [one] re-rendered its page
   *[other] re-rendered { $count } pages
} in { $seconds } s
serve-updated = { $what }; { $count ->
    [one] updated 1 file
   *[other] updated { $count } files
} without a full build, in { $seconds } s
serve-rebuilt = { $what }; rebuilt
serve-done-in = { $what } in { $seconds } s
serve-build-failed = { $count ->
    [one] 1 error
   *[other] { $count } errors
}; the browser shows them; the last good build is still served
serve-stopped = Stopped.
serve-no-ctrlc = Ctrl-C will not stop the server cleanly: { $detail }
serve-page-title = jarya: the site has errors
serve-page-heading = The last change has errors
serve-page-lead = Fix them and save: this page reloads by itself. Other pages still show the last good version.
serve-page-no-errors = No errors: the site builds.
serve-banner = jarya: the last change has errors.
serve-banner-link = Show them

## Commands

source-date-epoch-invalid = SOURCE_DATE_EPOCH must be a number of seconds since 1970, found "{ $found }"
out-inside-site = the output folder { $path } would hold or replace the site's own files; choose another --out
new-settings-broken = the site settings have mistakes; run `jarya check` to see them ({ $first })
new-no-such-language = the site has no language { $code } (see content/site.yaml)
new-exists = { $path } already exists; refusing to overwrite it. Choose another title, or edit that file

## How problems are printed

label-error = error
label-warning = warning
label-hint = hint

## Organizers and topics

organizers-empty = at least one organizer is needed
organizers-empty-hint = name the organization(s) behind the event, one per line: `  - ОФ «Название»`
names-item-empty = a name in the list is empty
names-item-empty-hint = delete the empty `-` line or write the name after it
names-dash = "{ $found }": items of a list start with a hyphen and a space ("- "), here with "{ $mark }" (Word often turns the hyphen into a dash), so it is read as one name
names-dash-hint = write each item on its own line, starting with a hyphen: `  - { $first }`

## What commands print

internal-error = internal error: jarya stopped because of a bug ({ $place }). Your files are not the cause of this message and public/ was not changed. Please report it with the command you ran.
build-failed = { $count ->
    [one] 1 error found; nothing was written. Fix the files above and run again.
   *[other] { $count } errors found; nothing was written. Fix the files above and run again.
}
check-failed = { $count ->
    [one] 1 error found. Fix the files above and run again.
   *[other] { $count } errors found. Fix the files above and run again.
}
build-summary = Built the site: wrote { $pages } pages, { $other } calendars and feeds, { $statics } static files in { $out } ({ $releases ->
    [one] 1 release
   *[other] { $releases } releases
}: { $by_language }), in { $seconds } s
build-unchanged = Nothing changed since the last build: the site in { $out } is up to date ({ $releases ->
    [one] 1 release
   *[other] { $releases } releases
}: { $by_language }), checked in { $seconds } s
check-summary = Checked the site: would write { $pages } pages, { $other } calendars and feeds, { $statics } static files ({ $releases ->
    [one] 1 release
   *[other] { $releases } releases
}: { $by_language }), in { $seconds } s
progress-reading = Reading the site…
progress-writing = Writing { $done } of { $total } files…
new-date-invalid = --date must be a date like 2025-06-27 or 27.06.2025, found "{ $found }"
new-created = Created { $path }
new-language-detected = Language: { $code } (told from the title; choose another with --lang)
new-bundle = Put its photos and PDFs in { $path } beside it.
new-address = It will be published at { $url }
new-next = Fill in the fields, then preview it with: jarya serve
cli-unknown-command = there is no command "{ $found }"
cli-unknown-option = unknown option "{ $found }"
cli-invalid-value = "{ $found }" is not a possible value of { $option }; possible: { $valid }
cli-missing = missing: { $what }
cli-did-you-mean = did you mean "{ $suggestion }"?
cli-more-help = For the commands and their options: jarya --help

## --help

help-about = jarya: publish press releases and event announcements as a bilingual (Russian/Kyrgyz) website.
help-long-about = jarya: publish press releases and event announcements as a bilingual (Russian/Kyrgyz) website.

    Write each release as a Markdown file under content/ru/ or content/ky/ (`jarya new` starts one), preview the site with `jarya serve`, and publish what `jarya build` writes to public/.
help-usage = Usage:
help-commands = Commands
help-command-value = COMMAND
help-options = Options
help-arguments = Arguments
help-arg-help = Show this help
help-arg-version = Show the version
help-build = Build the website into public/ (or --out). Exit code 1 if a file has mistakes.
help-serve = Preview the site at http://127.0.0.1:1111/, rebuilding and reloading the browser on every change.
help-new = Start a new release: jarya new "Title of the release" --lang ky
help-check = Check every file and the links in the releases without writing anything. Exit code 1 if there are mistakes, 0 if there are only warnings.
help-arg-ui_lang = The language of jarya's messages: en, ru or ky (default: JARYA_LANG, then the system's language, then the site's default language)
help-arg-site = The site folder: the one that holds content/ (default: the current folder)
help-arg-out = Where to write the website (default: public/ inside the site folder)
help-arg-base_url = The address the site will be published at, instead of base_url in content/site.yaml
help-arg-drafts = Include releases marked `draft: true`
help-arg-port = The port on 127.0.0.1 (default 1111, or the next free one; 0 picks any free one)
help-arg-open = Open the site in the web browser
help-arg-title = The release's title, in quotes: it also makes the file name and the address
help-arg-lang = The release's language (default: told from the title, else the site's default language)
help-arg-date = The event's date, 2025-06-27 or 27.06.2025 (default: today)
help-arg-bundle = Make a folder with index.md, so photos and PDFs can sit beside the text
help-arg-format = How to print problems: human (for people), json (for tools) or github (GitHub annotations)

## git

git-shallow = the git history is shallow, so it cannot tell when each release was published; feeds use the event dates instead
git-shallow-hint = fetch the whole history (GitHub Actions: `fetch-depth: 0` in actions/checkout), or give each release `published:`

## init

init-not-empty = { $path } already has files; create the site in an empty folder, or add --force to keep those files and add the site's
init-ask-title-ru = The site's name in Russian
init-ask-title-ky = The site's name in Kyrgyz
init-ask-base-url = The address the site will be published at
init-kept = Kept { $path }: it already exists
init-created = Created a new site in { $path } ({ $count ->
    [one] 1 file
   *[other] { $count } files
}).
init-next = Next: see it with `jarya serve --site { $path } --open`, write your organization in content/organizations.yaml, then start a release with `jarya new "Title"`. To publish on GitHub Pages, push the folder to a GitHub repository: .github/workflows/pages.yml does the rest.
help-init = Create a new site that builds as it is: settings, an example release in each language, the publishing workflow
help-arg-dir = The folder of the new site (default: the current folder)
help-arg-title_ru = The site's name in Russian
help-arg-title_ky = The site's name in Kyrgyz
help-arg-site_url = The address the site will be published at (default: https://example.kg/; GitHub Pages sets it when publishing)
help-arg-yes = Ask nothing: take the defaults for what is not given
help-arg-force = Create the site in a folder that already has files (existing files are kept)

## The browser editor

editor-hint = write `editor: true` to have the browser editor at /admin/, or delete the line
editor-repo-missing = the browser editor needs to know the site's GitHub repository
editor-repo-invalid = "{ $found }" is not a GitHub repository
editor-repo-hint = add `editor_repo: our-ngo/site` (the owner and the name of the repository, as in its address on github.com)
editor-title = Editor
editor-releases = Releases ({ $language })
editor-field-title = Title
editor-field-date = Start (day and time)
editor-field-end = End (optional)
editor-field-organizers = Organizers
editor-field-topics = Topics
editor-field-location = Place
editor-field-place = Venue
editor-field-address = Address
editor-field-city = City
editor-field-contacts = Contacts for the press
editor-field-contact-name = Name
editor-field-role = Role
editor-field-phone = Phone
editor-field-email = Email
editor-field-summary = Summary (one or two sentences)
editor-field-image = Picture
editor-field-translation-key = Translation key (the same in the release's translation)
editor-field-draft = Draft (not published)
editor-field-body = Text

## Raw HTML in bodies

unsafe-html-hint = write `unsafe_html: true` only if every writer is trusted: raw HTML, script included, then goes out as written
embed-host-invalid = "{ $found }" is not a host name
embed-host-hint = write the hosts whose videos may be embedded, like `embed_hosts: [www.youtube.com, player.vimeo.com]`
unsafe-html-on = unsafe_html is on: raw HTML in releases, script included, is published as written
html-dropped = this HTML will not be published: { $what }
html-dropped-hint = raw HTML may not run script; links go to http(s), mailto or tel addresses; frames only from `embed_hosts` in content/site.yaml
body-lines-joined = these { $count } lines are one paragraph on the page: line breaks inside a paragraph are not kept
body-lines-joined-hint = leave an empty line between paragraphs, and start list items with "- " (text pasted from Word often has neither)
organizers-example = "{ $name }" is the example `jarya new` wrote, not an organizer
organizers-example-hint = write the organizer's name as in content/organizations.yaml (or its key)
body-example = the text is still the example `jarya new` wrote
body-example-hint = write the release's own text in its place; to keep the file unpublished meanwhile, add `draft: true`
draft-has-errors = this draft is left out of the site, so the mistakes in it are only warnings while it stays a draft
draft-has-errors-hint = fix them before removing `draft: true`: in a published release they are errors
link-dropped = the address "{ $link }" is not one a page can link to, so the link is dropped
link-unsafe = the address "{ $link }" could run script, so it is dropped
link-unsafe-hint = link to a web address (https://...), an email (mailto:) or a phone (tel:)
link-without-https = "{ $link }" is another site's address without https://: as it is, the link leads to a page of this site that does not exist
link-without-https-hint = write the whole address: `{ $fixed }`
yaml-too-deep = this is not valid front matter: brackets are nested more than { $limit } deep
yaml-too-deep-hint = a field holds text or a list of names: check the brackets [ ] and {"{"} {"}"} on this line
yaml-expansion = this is not valid front matter: its `&anchors` and `*aliases` expand too far
yaml-expansion-hint = write each value out instead of repeating it with `*alias`
file-too-large = the file is { $megabytes } MB; a release or a settings file may be at most { $limit } MB
file-too-large-hint = a release is text: keep pictures and documents as separate files under static/ (or beside index.md) and link to them
names-too-many = { $count } names; a release may name at most { $limit }
names-too-many-hint = name the few organizations or topics that matter most
serve-bind-warning = warning: the preview is open to the network on { $address }, not only to this computer; drafts and unfinished pages can be seen by anyone who can reach it
help-arg-bind = Listen on this address instead of 127.0.0.1 (0.0.0.0: every network, to preview on a phone in the same Wi-Fi); the preview is then visible to that network
editor-field-image-alt = What the picture shows (for readers who cannot see it)

## The brand (logo, accent colour, social links)
accent-commented = accent is empty: YAML reads an unquoted # as the start of a comment
accent-hint = write the colour in quotes, as #rrggbb: accent: {$example}
accent-invalid = «{$found}» is not a colour
accent-low-contrast = the accent colour {$found} is too light to read on the light background (#f4f6f8): contrast {$ratio}:1, WCAG AA needs 4.5:1
accent-low-contrast-hint = the nearest colour of the same hue that passes: accent: "{$nearest}"
logo-missing = the logo {$path} does not exist
logo-unreadable = the logo {$path} is not a picture jarya can read
logo-hint = put the logo in the static/ folder and give its path from there: logo: img/logo.svg (SVG, PNG, JPEG or WebP)
social-invalid = «{$found}» is not a web address
social-hint = give full addresses starting with https://: social: [https://t.me/ngo, https://facebook.com/ngo]
picture-failed = cannot draw the site's picture (favicon or share picture): { $detail }

## Search
search-hint = write `search: true` to have a search page in each language, or delete the line
search-not-built = this copy of jarya was built without search
search-not-built-hint = download jarya from the project's releases page (search is included there), or delete `search: true`
search-failed = the search index could not be made: { $detail }
origin-search-index = the search index (folder /pagefind/)
help-arg-search = Also make the search pages and the search index (like `search: true` in site.yaml)

# import
import-legacy-doc = { $file } is an old Word file (.doc), which jarya cannot read. Open it in Word or LibreOffice, save it as .docx (Word document), and import that file
import-unsupported = { $file }: jarya imports .docx, .odt, .txt and .md files, not .{ $ext }
import-broken = { $file } could not be read as a document ({ $detail }). Open it in Word or LibreOffice and save it again
import-letters-lost = { $file } is saved in the Windows-1251 encoding ("ANSI"), which has no letters ң, ө, ү: they were saved as "?" (line { $line }: "{ $word }"). Open it in Notepad, save it as "UTF-8" (File > Save as > Encoding: UTF-8), type the lost letters again and import it again
import-language-unknown = { $file }: the text's language is not clear (Kyrgyz points { $ky }, Russian points { $ru }; words: { $words }). Say it: --lang ru or --lang ky
import-header = Imported by jarya import from { $file }. Check every value (each comment says where it was read), then remove `draft: true`.
import-from = from: «{ $text }»
import-todo = not found in the text: fill it in
import-loose = also in the text, without a name beside them: { $list }
import-written = { $path }: written from { $file }
import-encoding = { $file }: read as { $encoding }
import-missing = { $path }: not found in the text, fill in: { $fields }
import-new-organization = not in organizations.yaml: { $name }. To list it in organizers, add it there first (jarya import printed an entry to copy)
import-suggest = { $path }: the text names organizations that content/organizations.yaml does not list. Check each name, write its name in the other language, paste the entries into content/organizations.yaml, then add them to organizers:
import-other-name = its name in the other language
import-next = Check the values and their comments, remove `draft: true`, then: jarya check
help-import = Make a release from a press release in Word (.docx), LibreOffice (.odt) or plain text (.txt, .md): jarya import release.docx
help-arg-files = The documents to import
help-arg-import_lang = The releases' language, ru or ky (default: told from each text's words; when they are not clear, jarya asks for it)
help-arg-dry_run = Print the release files instead of writing them
