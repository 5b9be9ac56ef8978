# Сообщения jarya на русском. Каждый ключ есть в en.ftl и ky.ftl с теми же
# подстановками ($name); `cargo test` это проверяет. Термины: ошибка, предупреждение,
# подсказка, поле, пресс-релиз, веб-адрес, папка; имена полей и файлов не переводятся.

## Итог команды

content-errors = { $count ->
    [one] { $count } ошибка в файлах сайта; ничего не записано
    [few] { $count } ошибки в файлах сайта; ничего не записано
   *[other] { $count } ошибок в файлах сайта; ничего не записано
}
io-failed = { $path }: { $reason }
io-not-found = нет такого файла или папки
io-permission-denied = нет прав доступа
io-already-exists = уже существует
io-storage-full = диск заполнен
io-read-only = диск доступен только для чтения
io-address-in-use = адрес уже занят другой программой
io-other = { $detail }

## Значения полей и настроек

lang-unknown = неизвестный язык «{ $found }»
lang-unknown-hint = укажите ru или ky

## content/site.yaml

settings-missing = нет файла настроек сайта
settings-missing-hint = создайте content/site.yaml с base_url и languages; см. README.ru.md, «Настройки сайта»
setting-unknown = неизвестная настройка `{ $name }`
setting-unknown-suggest = может быть, `{ $suggestion }`? Настройки: { $list }
setting-unknown-hint = настройки: { $list }
shape-expected = ожидалось { $expected }, а здесь { $found }
expect-settings-lines = настройки строками `имя: значение`
settings-example-hint = сравните с примером в README.ru.md, «Настройки сайта»
expect-one-value = одно значение в строке
expect-one-value-hint = напишите значение в той же строке, что и название настройки
expect-language-entries = по одной записи на язык
languages-shape-hint = напишите `languages:`, а под ним `  ru: {"{"}title: ..., description: ...{"}"}`
expect-language-parts = название и описание для { $code }
language-parts-hint = напишите `  ru: {"{"}title: ..., description: ...{"}"}`
language-part-unknown = неизвестная часть `{ $part }` у языка { $code }
language-part-unknown-hint = у языка есть название (title) и описание (description)
base-url-invalid = ожидался адрес, по которому опубликован сайт, а здесь «{ $found }»
base-url-hint = напишите его полностью: base_url: https://our-ngo.kg/
languages-none = у сайта нет языков
languages-none-hint = добавьте `languages:` с `ru:` и `ky:`, у каждого название и описание
language-no-title = у языка { $code } нет названия
language-no-title-hint = добавьте `title: ...` под языком: название сайта на этом языке
default-language-missing = основного языка { $code } нет среди `languages`
default-language-missing-hint = добавьте его под `languages:` или выберите другой основной язык
per-page-invalid = ожидалось число релизов на странице от 1 до 1000, а здесь «{ $found }»
per-page-hint = обычно пишут 20
timezone-unknown = неизвестный часовой пояс «{ $found }»
timezone-hint = укажите название из базы часовых поясов, например Asia/Bishkek или Asia/Almaty
event-duration-invalid = ожидалась длительность мероприятия, а здесь «{ $found }»
event-duration-hint = напишите часы и минуты: event_duration: 2h (или 90m, 1h30m)
phone-region-invalid = «{ $found }» — не двухбуквенный код страны
phone-region-hint = Кыргызстан — KG, Казахстан — KZ, Россия — RU
phone-code-invalid = ожидался телефонный код страны, а здесь «{ $found }»
phone-code-hint = у Кыргызстана код 996; или напишите `phone_region: KG`

## YAML (шапка файла, site.yaml, справочники)

yaml-colon = это не YAML: в значении есть двоеточие (:), а кавычек нет
yaml-colon-hint = значение с двоеточием (:) берите в прямые кавычки: title: "Форум: итоги"
yaml-colon-fix-hint = возьмите значение в прямые кавычки: { $fixed }
yaml-tab = это не YAML: табуляция или знак, с которого значение начинаться не может
yaml-tab-hint = делайте отступы пробелами, не табуляцией; значение, которое начинается с @, ` или %, берите в кавычки
yaml-duplicate = это не YAML: поле `{ $field }` встречается дважды
yaml-duplicate-hint = каждое поле пишется один раз: удалите одно из них
yaml-indent = это не YAML: отступ не совпадает со строками выше
yaml-indent-hint = проверьте отступы: элементы списка начинаются с `  - ` под своим полем
yaml-invalid = это не YAML: { $detail }
yaml-invalid-hint = проверьте эту строку и предыдущую: кавычки должны быть закрыты, списки — с отступом
yaml-nested-quotes = в значении `{ $field }` кавычки { $quote } стоят внутри кавычек { $quote }, поэтому оно обрывается раньше времени
yaml-nested-quotes-hint = внутри используйте «ёлочки»: { $with_guillemets } — или другие кавычки вокруг значения: { $with_other_quotes }
yaml-unclosed-quote = кавычка, которая открывает значение, не закрыта, и следующие строки читаются как его часть
yaml-unclosed-quote-hint = закройте значение той же кавычкой в конце строки: { $fixed }
yaml-sign-first = значение начинается со знака { $sign }, который YAML читает как свой служебный знак, а не как текст
yaml-sign-first-hint = возьмите всё значение в кавычки: { $fixed }
yaml-dash = это не YAML: `- ` (элемент списка) не может стоять в одной строке с названием поля
yaml-dash-hint = пишите каждый элемент отдельной строкой под полем (`  - Название`); если тире — часть текста, возьмите значение в кавычки: title: "- Итоги"
yaml-no-colon = это не YAML: эта строка — не `поле: значение` и не элемент списка
yaml-no-colon-hint = начните её с названия поля и двоеточия или присоедините к значению в строке выше (в кавычках, если значение в несколько строк)
yaml-colon-space = после `{ $field }:` нет пробела, поэтому YAML не видит здесь поля
yaml-colon-space-hint = поставьте пробел после двоеточия: { $fixed }
yaml-escape = это не YAML: в "двойных кавычках" обратная косая черта \ начинает служебный знак, а такого знака нет
yaml-escape-hint = возьмите значение в 'одинарные кавычки' — в них обратная черта остаётся как есть: image: 'C:\Фото\зал.jpg' — или пишите \\ вместо каждой \
yaml-comment = текст после # не вошёл в значение (в YAML пробел и # начинают комментарий), и значением стало бы «{ $value }»
yaml-comment-all = значение начинается с # и слова, а в YAML так начинается комментарий (хештег тоже), и поле осталось бы пустым
yaml-comment-hint = если # — часть текста, возьмите всё значение в кавычки: { $fixed }; комментарий пишите отдельной строкой
yaml-flow-open = список, который открывается знаком { $sign }, не закрыт в своей строке, и следующие строки читаются как его часть
yaml-flow-open-hint = закройте список в той же строке знаком { $close }: { $fixed }
yaml-item-no-key = у элемента списка «{ $text }» ниже есть части (`{ $part }: …`), а в его собственной строке нет названия поля
yaml-item-no-key-hint = укажите название поля и в первой строке: { $fixed }
found-nothing = пусто
found-value = `{ $value }`
found-text = «{ $value }»
found-number = число { $value }
found-list = список
found-map = вложенные части (строки `ключ: значение`)

## Шапка: форма полей

field-unknown = неизвестное поле `{ $name }`
field-unknown-suggest = может быть, `{ $suggestion }`? Поля: { $list }
field-unknown-hint = поля: { $list }
field-time-hint = время пишется в `date`: `date: 2025-06-27 10:00`
field-one-line = ожидалась одна строка текста, а здесь { $found }
field-one-line-hint = напишите значение в той же строке, что и имя поля
field-bool = ожидалось true или false, а здесь { $found }
field-bool-hint = напишите `draft: true`, чтобы скрыть релиз, или удалите строку
field-names = ожидался список названий, а здесь { $found }
field-names-item = каждый элемент должен быть названием, а здесь { $found }
field-names-hint = пишите каждое название с новой строки, начиная с `  - `
contacts-list = ожидался список контактов, а здесь { $found }
contacts-item = у каждого контакта должны быть части (name, email, phone...), а здесь { $found }
contacts-hint = пишите каждый контакт так: `  - name: ...`, затем строки `    email: ...` и/или `    phone: ...`
location-shape = ожидалось место, а здесь { $found }
location-hint = напишите `location: Бишкек, ул. Киевская 96` или укажите `name`, `address` и `city` строками с отступом
part-unknown = неизвестная часть `{ $part }`
part-unknown-suggest = может быть, `{ $suggestion }`? Части: { $list }
part-unknown-hint = части: { $list }
part-one-line = `{ $part }` должно быть одной строкой текста, а здесь { $found }

## Файлы

file-unreadable = не удалось прочитать файл: { $reason }
folder-unreadable = не удалось прочитать папку: { $reason }
file-not-utf8 = файл сохранён не в кодировке UTF-8
file-not-utf8-hint = сохраните его в «UTF-8» (в Блокноте: Файл > Сохранить как > Кодировка: UTF-8)
file-read-as-1251 = файл сохранён в кодировке Windows-1251 («ANSI»), а не в UTF-8: он прочитан как текст на кириллице
file-letters-lost = файл сохранён в кодировке Windows-1251 («ANSI»), в которой нет букв ң, ө, ү: вместо них сохранились знаки «?» («{ $word }»)
file-letters-lost-hint = сохраните файл в «UTF-8» (в Блокноте: Файл > Сохранить как > Кодировка: UTF-8) и впишите пропавшие буквы заново
file-changed-during-build = файл изменился во время сборки сайта
file-changed-during-build-hint = соберите сайт ещё раз, когда файл будет сохранён: опубликованный сайт не изменён
front-matter-missing = файл не начинается с шапки (front matter)
front-matter-missing-hint = начните файл строкой `---`, затем поля (title, date, lang, organizers), затем ещё одна строка `---`, затем текст
front-matter-unclosed = шапка не закрыта
front-matter-unclosed-hint = добавьте строку `---` после последнего поля, перед текстом
front-matter-shape = шапка должна состоять из строк `поле: значение`
front-matter-shape-hint = пишите каждое поле с новой строки, например `title: Название`

## Шапка: значения

field-missing = нет обязательного поля `{ $field }`
field-missing-hint = добавьте строку перед закрывающей `---`: { $example }
title-empty = заголовок пустой
title-empty-hint = напишите заголовок релиза после `title:`
lang-use-one-of = укажите один из языков: { $list }
lang-meant = напишите `{ $field }: { $code }`: язык пишется двухбуквенным кодом — кыргызский ky (kg — это страна), русский ru
lang-folder-mismatch = файл лежит в папке `{ $folder }`, а в нём написано `lang: { $lang }`
lang-folder-mismatch-hint = напишите `lang: { $folder }` или перенесите файл в content/{ $lang }/
date-invalid = «{ $found }» — не дата
date-not-real = «{ $found }» — такой даты не бывает (проверьте месяц и день)
date-time-not-real = «{ $found }» — такой даты и времени не бывает (проверьте часы и минуты: 10:00 или 14:00-18:00)
date-ambiguous = «{ $found }» можно прочитать двояко: с { $start } до { $end } следующего дня или { $start } со смещением от UTC -{ $end }; напишите `date: { $day } { $start }` и `end: <день> { $end }` или смещение так: { $offset_form }
date-written-hint = напишите `{ $field }: { $date }` (год-месяц-день) или со временем: `{ $field }: { $date } 10:00`
date-time-hint = напишите `{ $field }: { $date } { $time }` (год-месяц-день, затем время)
date-range-hint = напишите `{ $field }: { $date } { $start }-{ $end }` (год-месяц-день, затем начало и конец)
date-days = «{ $found }» — это несколько дней: в `date` пишут день (и время) начала мероприятия, а день окончания — в поле `end`
date-days-hint = напишите две строки: `date: { $start }` и под ней `end: { $end }`
date-hint = пишите дату как год-месяц-день: `{ $field }: 2025-06-27`, или со временем: `{ $field }: 2025-06-27 10:00` или `{ $field }: 2025-06-27 14:00-18:00`
date-moment-hint = пишите дату как год-месяц-день: `{ $field }: 2025-06-27`, или со временем: `{ $field }: 2025-06-27 10:00`
end-time-hint = если мероприятие заканчивается в тот же день, напишите только время: `end: { $time }`
end-twice = окончание указано дважды: в `date: { $date }` и в `end`
end-twice-hint = оставьте что-то одно: промежуток времени в `date` или `end`
end-range = в `end: { $found }` промежуток времени
end-range-hint = `end` — последний день и время: end: 2025-06-28 18:00
end-before-start = мероприятие заканчивается ({ $end }) раньше, чем начинается ({ $start })
end-before-start-hint = `end` — последний день (и время) мероприятия; проверьте обе даты
end-time-without-start = указано время окончания ({ $time }), но в `date: { $date }` нет времени начала, поэтому неизвестно, когда мероприятие начинается
end-time-without-start-hint = укажите время начала в `date`: date: { $date } 10:00, или последний день без времени в `end`: end: { $day }
slug-empty = в «{ $found }» нет букв или цифр, из которых можно сделать веб-адрес
slug-empty-hint = используйте буквы, цифры и дефисы: slug: forum-2025
slug-file-name-empty = в имени файла «{ $name }» нет букв или цифр, из которых можно сделать веб-адрес
slug-file-name-empty-hint = переименуйте файл или добавьте строку `slug: forum-2025`
slug-reserved = веб-адрес `{ $slug }` занят служебными страницами сайта
slug-reserved-hint = добавьте строку `slug: ...` с другим именем или переименуйте файл
slug-device = веб-адрес `{ $slug }` — имя, которое Windows оставляет за устройствами: на Windows такую страницу нельзя ни записать, ни открыть
slug-device-hint = укажите другой адрес, например `slug: { $slug }-2025`
image-invalid = «{ $found }» — не путь к картинке в static/ и не полный веб-адрес
image-invalid-hint = напишите путь внутри static/, например `image: img/forum.jpg`, или полный адрес https://
image-on-computer-hint = это файл на вашем компьютере, читателям он недоступен: скопируйте { $file } в static/img/ (или в папку релиза рядом с index.md) и напишите `image: img/{ $file }`
image-alt-missing = у релиза есть картинка (`image`), но не сказано, что на ней
image-alt-missing-hint = добавьте под image: строку о том, что на картинке, в нескольких словах, для тех, кто её не видит: `image_alt: Участники форума в зале`
image-unreadable = картинку {$path} не удаётся прочитать (файл повреждён или больше 50 мегапикселей)
image-unreadable-hint = сохраните её заново в JPEG или PNG, не шире 4000 пикселей, и положите на то же место

## Контакты

contact-no-name = у контакта нет имени
contact-no-name-hint = добавьте `name: ...`: человек или отдел
contact-unreachable = у контакта «{ $name }» нет ни email, ни телефона, ни url
contact-unreachable-unnamed = у контакта нет ни email, ни телефона, ни url
contact-unreachable-hint = укажите хотя бы один способ связи: `email: ...` или `phone: ...`
email-invalid = «{ $found }» — не адрес электронной почты
email-invalid-hint = пишите так: name@example.kg
email-fix-hint = напишите `{ $fixed }`
phone-impossible = «{ $found }» не похож на существующий номер телефона
phone-impossible-hint = проверьте цифры: кыргызский номер — 0 и 9 цифр (0 312 91 10 10, 0555 12 34 56) или +996 и 9 цифр
phone-invalid = «{ $found }» — не номер телефона
phone-invalid-hint = пишите цифры с пробелами, например 0 312 91 10 10 или +996 771 28 66 05
phone-words-hint = напишите только номер: `{ $fixed }` (нужные слова — в скобках после номера)
url-invalid = «{ $found }» — не веб-адрес
url-invalid-hint = напишите его полностью: { $fixed }

## Адреса, переводы, названия из справочников, ссылки

slug-taken = у двух релизов один веб-адрес { $address }: у этого файла и у { $other }
slug-taken-hint = дайте одному из них другой `slug:` (или переименуйте файл)
translation-key-shared = у двух релизов на языке { $lang } один translation_key «{ $key }»: у этого файла и у { $other }
translation-key-shared-hint = translation_key связывает по одному релизу на каждом языке: дайте каждому мероприятию свой ключ
translation-name-shared = у этого файла и у { $other } одно имя на одном языке, поэтому ни один не связан с переводом
translation-name-shared-hint = добавьте одинаковый `translation_key:` релизу и его переводу
term-unregistered = { $kind ->
    [topics] темы
   *[other] организатора
} «{ $name }» нет в { $registry } (используется в { $files }{ $more ->
    [0] {""}
   *[other] {""} и ещё { $more }
})
topic-new-hint = если это новая тема, добавьте её в { $registry }
organizer-new-hint = если это новый организатор, добавьте его в { $registry }
term-closest-hint = может быть, { $suggestions }? Иначе добавьте в { $registry }
topic-slip = тема «{ $name }» почти совпадает с темой «{ $meant }» из { $registry }: из-за опечатки появилась бы отдельная страница темы
topic-slip-hint = напишите «{ $meant }»; если это другая тема, добавьте её в { $registry }
names-comma = «{ $name }» читается как одно название с запятой внутри
names-comma-hint = несколько названий пишутся списком: `{ $list_form }`; одно название с запятой нужно добавить в справочник ({ $registry })
link-to-draft = ссылка «{ $link }» ведёт на черновик, которого нет в этой сборке
link-to-draft-hint = ссылка заработает, когда тот релиз опубликуют (draft: false)
link-to-unknown-file = ссылка «{ $link }» ведёт на файл, который не является релизом этого сайта
link-to-unknown-file-hint = ссылайтесь на .md-файл другого релиза относительно этого (например, ../ky/forum.md) или на его страницу (/ru/slug/)

## Организаторы и темы

organizers-empty = нужен хотя бы один организатор
organizers-empty-hint = назовите организации, которые проводят мероприятие, по одной в строке: `  - ОФ «Название»`
names-item-empty = одно из названий в списке пустое
names-item-empty-hint = удалите пустую строку `-` или напишите название после неё
names-dash = «{ $found }»: пункты списка начинаются с дефиса и пробела («- »), а здесь — с «{ $mark }» (Word часто заменяет дефис на тире), поэтому это читается как одно название
names-dash-hint = пишите каждый пункт с новой строки, начиная с дефиса: `  - { $first }`

## Файлы сайта, шаблоны, ссылки, проверяемые `check`

origin-file = { $path }
origin-page = страница { $path }
origin-release-calendar = файл календаря для { $path }
origin-generated = созданный файл { $path }
output-collision-file = этот файл и { $other } оба были бы записаны в { $path }
output-collision = { $first } и { $second } оба были бы записаны в { $path }
output-collision-hint = переименуйте или перенесите один из них (или дайте релизу другой `slug:`)
output-outside = отказ записывать { $path } за пределами папки сайта
output-old-copy-kept = прежняя версия сайта заменена, но её старую копию { $path } удалить не удалось ({ $reason }); следующая сборка её удалит
page-data-failed = не удалось подготовить данные страницы: { $detail }
template-error = ошибка в шаблоне: { $detail }
template-error-hint = исправьте шаблон или удалите его, чтобы использовался встроенный
template-parent-missing = ошибка в шаблоне: он расширяет «{ $parent }», а такого шаблона нет
template-parent-missing-hint = проверьте имя в {"{"}% extends %{"}"}
template-missing = ошибка в шаблоне: такого шаблона нет
image-missing = картинки «{ $path }» нет
image-missing-hint = положите её в static/ (или рядом с index.md в папке релиза) и укажите путь
image-meant-hint = на сайте есть `{ $found }`: напишите `{ $field }: { $found }` (путь внутри static/, большие и маленькие буквы — как в имени файла: сервер их различает, Windows — нет)
body-link-broken = ссылка «{ $link }» никуда не ведёт на этом сайте
body-picture-broken = картинка «{ $link }» никуда не ведёт на этом сайте
body-link-broken-hint = проверьте адрес: страницы — /<язык>/<slug>/, файлы из static/ — /<путь>
link-file-hint = свои файлы релиза публикуются из его папки: создайте папку `{ $folder }`, перенесите в неё `{ $release }` под именем `index.md` и положите рядом `{ $file }` (такую папку создаёт `jarya new --bundle`); или положите файл в static/ и ссылайтесь на `/{ $file }`
link-file-bundle-hint = положите `{ $file }` в папку `{ $folder }`, рядом с `index.md`; или положите его в static/ и ссылайтесь на `/{ $file }`
link-meant-hint = на сайте есть `{ $fixed }`: напишите адрес с большими и маленькими буквами как там (сервер их различает, Windows — нет)

## serve

not-a-site = в папке { $path } нет папки content/: это сайт jarya? Перейдите в папку сайта (cd) или укажите её через --site; новый сайт создаёт `jarya init`
serve-cannot-listen = не удалось открыть { $address }: { $reason }
serve-port-taken = { $address } уже занят другой программой (ещё одна `jarya serve`?): остановите её или выберите другой порт: --port { $next }
serve-port-moved = порт { $taken } занят другой программой (ещё одна `jarya serve`?): эта работает на порту { $port }
serve-built = Сайт собран
serve-serving = Сайт открыт по адресу { $url } (остановить: Ctrl-C)
serve-file-changed = { $path } изменён
serve-files-changed = { $count ->
    [one] изменён { $count } файл
    [few] изменено { $count } файла
   *[other] изменено { $count } файлов
}
serve-rerendered = { $what }; { $count ->
    [one] его страница обновлена
    [few] обновлено { $count } страницы
   *[other] обновлено { $count } страниц
} за { $seconds } с
serve-updated = { $what }; { $count ->
    [one] обновлён { $count } файл
    [few] обновлено { $count } файла
   *[other] обновлено { $count } файлов
} без полной сборки, за { $seconds } с
serve-rebuilt = { $what }; сайт пересобран
serve-done-in = { $what } за { $seconds } с
serve-build-failed = { $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
   *[other] { $count } ошибок
}; они показаны в браузере; пока показывается последняя удачная сборка
serve-stopped = Остановлено.
serve-no-ctrlc = Ctrl-C не сможет аккуратно остановить сервер: { $detail }
serve-page-title = jarya: на сайте ошибки
serve-page-heading = В последнем изменении есть ошибки
serve-page-lead = Исправьте их и сохраните файл: эта страница обновится сама. Остальные страницы пока показывают последнюю удачную версию.
serve-page-no-errors = Ошибок нет: сайт собирается.
serve-banner = jarya: в последнем изменении есть ошибки.
serve-banner-link = Показать

## Команды

source-date-epoch-invalid = SOURCE_DATE_EPOCH должна быть числом секунд с 1970 года, а здесь «{ $found }»
out-inside-site = папка вывода { $path } содержала бы или заменила бы файлы самого сайта; выберите другую в --out
new-settings-broken = в настройках сайта есть ошибки; запустите `jarya check`, чтобы их увидеть ({ $first })
new-no-such-language = у сайта нет языка { $code } (см. content/site.yaml)
new-exists = { $path } уже есть; перезаписывать его не буду. Выберите другой заголовок или откройте этот файл

## Как показываются ошибки

label-error = ошибка
label-warning = предупреждение
label-hint = подсказка

## Что печатают команды

internal-error = внутренняя ошибка: jarya остановилась из-за ошибки в программе ({ $place }). Ваши файлы здесь ни при чём, public/ не изменена. Пожалуйста, сообщите о ней вместе с командой, которую вы запускали.
build-failed = { $count ->
    [one] Найдена { $count } ошибка; ничего не записано. Исправьте файлы выше и запустите снова.
    [few] Найдено { $count } ошибки; ничего не записано. Исправьте файлы выше и запустите снова.
   *[other] Найдено { $count } ошибок; ничего не записано. Исправьте файлы выше и запустите снова.
}
check-failed = { $count ->
    [one] Найдена { $count } ошибка. Исправьте файлы выше и запустите снова.
    [few] Найдено { $count } ошибки. Исправьте файлы выше и запустите снова.
   *[other] Найдено { $count } ошибок. Исправьте файлы выше и запустите снова.
}
build-summary = Сайт собран: страниц — { $pages }, календарей и лент — { $other }, статических файлов — { $statics } в { $out } ({ $releases ->
    [one] { $releases } релиз
    [few] { $releases } релиза
   *[other] { $releases } релизов
}: { $by_language }), за { $seconds } с
build-unchanged = С прошлой сборки ничего не изменилось: сайт в { $out } актуален ({ $releases ->
    [one] { $releases } релиз
    [few] { $releases } релиза
   *[other] { $releases } релизов
}: { $by_language }), проверено за { $seconds } с
check-summary = Сайт проверен: было бы записано страниц — { $pages }, календарей и лент — { $other }, статических файлов — { $statics } ({ $releases ->
    [one] { $releases } релиз
    [few] { $releases } релиза
   *[other] { $releases } релизов
}: { $by_language }), за { $seconds } с
progress-reading = Читаю файлы сайта…
progress-writing = Запись файлов: { $done } из { $total }…
new-date-invalid = --date должна быть датой вида 2025-06-27 или 27.06.2025, а здесь «{ $found }»
new-created = Создан { $path }
new-language-detected = Язык: { $code } (определён по заголовку; другой можно выбрать через --lang)
new-bundle = Фотографии и PDF положите рядом, в { $path }.
new-address = Адрес на сайте: { $url }
new-next = Заполните поля, затем посмотрите результат командой: jarya serve
cli-unknown-command = команды «{ $found }» нет
cli-unknown-option = неизвестный параметр «{ $found }»
cli-invalid-value = «{ $found }» не подходит для { $option }; возможно: { $valid }
cli-missing = не хватает: { $what }
cli-did-you-mean = может быть, «{ $suggestion }»?
cli-more-help = Список команд и параметров: jarya --help

## --help

help-about = jarya: публикует пресс-релизы и анонсы мероприятий на двуязычном (русском и кыргызском) сайте.
help-long-about = jarya: публикует пресс-релизы и анонсы мероприятий на двуязычном (русском и кыргызском) сайте.

    Пишите каждый релиз как Markdown-файл в content/ru/ или content/ky/ (`jarya new` создаст его), смотрите сайт командой `jarya serve` и публикуйте то, что `jarya build` запишет в public/.
help-usage = Запуск:
help-commands = Команды
help-command-value = КОМАНДА
help-options = Параметры
help-arguments = Аргументы
help-arg-help = Показать эту справку
help-arg-version = Показать версию
help-build = Собрать сайт в public/ (или в --out). Код выхода 1, если в файлах есть ошибки.
help-serve = Показать сайт на http://127.0.0.1:1111/; при каждом изменении он пересобирается, а браузер обновляется.
help-new = Начать новый релиз: jarya new "Заголовок релиза" --lang ky
help-check = Проверить все файлы и ссылки в релизах, ничего не записывая. Код выхода 1, если есть ошибки, 0 — если только предупреждения.
help-arg-ui_lang = Язык сообщений jarya: en, ru или ky (по умолчанию: JARYA_LANG, затем язык системы, затем основной язык сайта)
help-arg-site = Папка сайта, в которой лежит content/ (по умолчанию: текущая папка)
help-arg-out = Куда записать сайт (по умолчанию: public/ в папке сайта)
help-arg-base_url = Адрес, по которому будет опубликован сайт, вместо base_url из content/site.yaml
help-arg-drafts = Включить релизы с пометкой `draft: true`
help-arg-port = Порт на 127.0.0.1 (по умолчанию 1111 или следующий свободный; 0 — любой свободный)
help-arg-open = Открыть сайт в браузере
help-arg-title = Заголовок релиза в кавычках: из него получаются имя файла и адрес
help-arg-lang = Язык релиза (по умолчанию: определяется по заголовку, иначе основной язык сайта)
help-arg-date = Дата мероприятия, 2025-06-27 или 27.06.2025 (по умолчанию: сегодня)
help-arg-bundle = Создать папку с index.md, чтобы рядом с текстом лежали фотографии и PDF
help-arg-format = Как показывать ошибки: human (для людей), json (для программ) или github (пометки GitHub)

## Справочники (topics.yaml, organizations.yaml)

registry-key-repeated = ключ `{ $key }` уже использован в строке { $line }
registry-key-repeated-hint = каждая тема или организация указывается один раз: объедините две записи
registry-shape = ожидалось по одной записи на ключ, а здесь { $found }
registry-shape-hint = начинайте каждую запись с ключа в начале строки: `gender-equality:`
registry-key-empty = у записи пустой ключ
registry-key-empty-hint = начинайте каждую запись с ключа из строчных латинских букв, цифр и дефисов: `gender-equality:`
registry-key-invalid = ключ `{ $key }` нельзя использовать в веб-адресе
registry-key-invalid-hint = ключ состоит из строчных латинских букв, цифр и дефисов
registry-key-invalid-suggest = ключ состоит из строчных латинских букв, цифр и дефисов: `{ $suggestion }`
registry-key-device-hint = Windows оставляет это имя за устройствами, и страницу с ним там не записать: выберите другое, например `{ $key }-org`
registry-entry-shape = ожидались названия записи, а здесь { $found }
registry-entry-shape-hint = пишите названия строками с отступом под ключом: `  ru: ...` и `  ky: ...`
registry-entry-no-name = у записи нет названия
registry-entry-no-name-hint = добавьте её название на каждом языке: `  ru: ...` и `  ky: ...`
registry-logo-missing = логотипа { $path } нет
registry-logo-missing-hint = положите картинку в папку static/ и укажите путь от неё: `logo: img/logo.png`
logo-on-computer-hint = это файл на вашем компьютере, читателям он недоступен: скопируйте { $file } в static/img/ и напишите `logo: img/{ $file }`
registry-names-per-language = названия указываются по языкам: { $list }
registry-lang-meant = напишите `{ $code }:`: язык пишется двухбуквенным кодом — кыргызский ky (kg — это страна), русский ru
registry-field-suggest = может быть, `{ $suggestion }`? У записи есть: { $list }
registry-field-hint = у записи есть: { $list }
registry-name-shared = «{ $name }» называет и запись `{ $other }`
registry-name-shared-hint = название или синоним может принадлежать только одной записи: уберите его из одной из них
registry-per-language = ожидался текст по языкам, а здесь { $found }
registry-per-language-hint = пишите текст по языкам: `{"{"}ru: ..., ky: ...{"}"}`

## git

git-shallow = история git неполная, по ней нельзя узнать, когда опубликован каждый релиз; в лентах будут даты мероприятий
git-shallow-hint = загрузите всю историю (GitHub Actions: `fetch-depth: 0` в actions/checkout) или укажите в каждом релизе `published:`

## init

init-not-empty = в { $path } уже есть файлы; создайте сайт в пустой папке или добавьте --force, чтобы оставить эти файлы и добавить файлы сайта
init-ask-title-ru = Название сайта на русском
init-ask-title-ky = Название сайта на кыргызском
init-ask-base-url = Адрес, по которому будет опубликован сайт
init-kept = Оставлен { $path }: он уже есть
init-created = Новый сайт создан в { $path } (файлов: { $count }).
init-next = Дальше: посмотрите его командой `jarya serve --site { $path } --open`, впишите свою организацию в content/organizations.yaml и начните релиз командой `jarya new "Заголовок"`. Чтобы опубликовать на GitHub Pages, загрузите папку в репозиторий на GitHub: остальное сделает .github/workflows/pages.yml.
help-init = Создать новый сайт, который сразу собирается: настройки, пример релиза на каждом языке, публикация
help-arg-dir = Папка нового сайта (по умолчанию: текущая папка)
help-arg-title_ru = Название сайта на русском
help-arg-title_ky = Название сайта на кыргызском
help-arg-site_url = Адрес, по которому будет опубликован сайт (по умолчанию: https://example.kg/; GitHub Pages подставит свой при публикации)
help-arg-yes = Ничего не спрашивать: для неуказанного взять значения по умолчанию
help-arg-force = Создать сайт в папке, где уже есть файлы (они останутся как есть)

## Редактор в браузере

editor-hint = напишите `editor: true`, чтобы редактор был по адресу /admin/, или удалите строку
editor-repo-missing = редактору в браузере нужно знать репозиторий сайта на GitHub
editor-repo-invalid = «{ $found }» — не репозиторий GitHub
editor-repo-hint = добавьте `editor_repo: our-ngo/site` (владелец и название репозитория, как в его адресе на github.com)
editor-title = Редактор
editor-releases = Релизы ({ $language })
editor-field-title = Заголовок
editor-field-date = Начало (день и время)
editor-field-end = Окончание (необязательно)
editor-field-organizers = Организаторы
editor-field-topics = Темы
editor-field-location = Место
editor-field-place = Площадка
editor-field-address = Адрес
editor-field-city = Город
editor-field-contacts = Контакты для прессы
editor-field-contact-name = Имя
editor-field-role = Должность
editor-field-phone = Телефон
editor-field-email = Эл. почта
editor-field-summary = Кратко (одна-две фразы)
editor-field-image = Картинка
editor-field-translation-key = Ключ перевода (такой же в переводе релиза)
editor-field-draft = Черновик (не публикуется)
editor-field-body = Текст

## HTML в тексте релиза

unsafe-html-hint = пишите `unsafe_html: true`, только если доверяете всем авторам: тогда HTML, включая скрипты, публикуется как есть
embed-host-invalid = «{ $found }» — не имя сайта
embed-host-hint = перечислите сайты, видео с которых можно встраивать, например `embed_hosts: [www.youtube.com, player.vimeo.com]`
unsafe-html-on = включён unsafe_html: HTML в релизах, включая скрипты, публикуется как есть
html-dropped = этот HTML не будет опубликован: { $what }
html-dropped-hint = HTML в релизе не может запускать скрипты; ссылки ведут на адреса http(s), mailto или tel; встраивать можно только сайты из `embed_hosts` в content/site.yaml
body-lines-joined = эти строки ({ $count }) на странице станут одним абзацем: переносы строк внутри абзаца не сохраняются
body-lines-joined-hint = оставьте пустую строку между абзацами, а пункты списка начинайте с «- » (в тексте из Word часто нет ни того, ни другого)
organizers-example = «{ $name }» — пример, который написала команда `jarya new`, а не организатор
organizers-example-hint = напишите название организатора, как в content/organizations.yaml (или его ключ)
body-example = текст — всё ещё пример, который написала команда `jarya new`
body-example-hint = напишите на его месте текст релиза; чтобы пока не публиковать файл, добавьте `draft: true`
draft-has-errors = этот черновик не попадает на сайт, поэтому ошибки в нём — только предупреждения, пока он черновик
draft-has-errors-hint = исправьте их, прежде чем убрать `draft: true`: в опубликованном релизе это ошибки
link-dropped = на адрес «{ $link }» страница не может сослаться, поэтому ссылка удалена
link-unsafe = адрес «{ $link }» может запустить скрипт, поэтому он удалён
link-unsafe-hint = ссылайтесь на веб-адрес (https://...), почту (mailto:) или телефон (tel:)
link-without-https = «{ $link }» — адрес другого сайта без https://: в таком виде ссылка ведёт на несуществующую страницу этого сайта
link-without-https-hint = напишите адрес целиком: `{ $fixed }`
yaml-too-deep = это не шапка релиза: скобки вложены глубже { $limit } уровней
yaml-too-deep-hint = в поле пишется текст или список названий: проверьте скобки [ ] и {"{"} {"}"} в этой строке
yaml-expansion = это не шапка релиза: её `&якоря` и `*ссылки` разворачиваются слишком далеко
yaml-expansion-hint = напишите каждое значение полностью, не повторяйте его через `*ссылку`
file-too-large = файл весит { $megabytes } МБ; релиз или файл настроек может быть не больше { $limit } МБ
file-too-large-hint = релиз — это текст: картинки и документы держите отдельными файлами в static/ (или рядом с index.md) и ссылайтесь на них
names-too-many = названий: { $count }; в релизе можно указать не больше { $limit }
names-too-many-hint = назовите несколько самых важных организаций или тем
serve-bind-warning = внимание: предпросмотр открыт в сети по адресу { $address }, а не только на этом компьютере; черновики и недописанные страницы увидит любой, кто до него доберётся
help-arg-bind = Принимать подключения на этом адресе вместо 127.0.0.1 (0.0.0.0 — во всех сетях, чтобы посмотреть сайт с телефона в той же Wi-Fi); предпросмотр тогда виден в этой сети
editor-field-image-alt = Что на картинке (для тех, кто её не видит)

## Оформление (логотип, фирменный цвет, соцсети)
accent-commented = accent пуст: YAML читает # без кавычек как начало комментария
accent-hint = напишите цвет в кавычках, в виде #rrggbb: accent: {$example}
accent-invalid = «{$found}» — не цвет
accent-low-contrast = фирменный цвет {$found} слишком светлый, текст этого цвета на светлом фоне (#f4f6f8) плохо читается: контраст {$ratio}:1, по WCAG AA нужно 4.5:1
accent-low-contrast-hint = ближайший цвет того же оттенка, который подходит: accent: "{$nearest}"
logo-missing = логотипа {$path} нет
logo-unreadable = {$path} — не картинка, которую jarya умеет читать
logo-hint = положите логотип в папку static/ и укажите путь от неё: logo: img/logo.svg (SVG, PNG, JPEG или WebP)
social-invalid = «{$found}» — не адрес сайта
social-hint = укажите полные адреса, начиная с https://: social: [https://t.me/ngo, https://facebook.com/ngo]
picture-failed = не удалось нарисовать картинку сайта (значок или картинку для соцсетей): { $detail }

## Поиск
search-hint = напишите `search: true`, чтобы на сайте была страница поиска на каждом языке, или удалите строку
search-not-built = эта сборка jarya сделана без поиска
search-not-built-hint = скачайте jarya со страницы выпусков проекта (там поиск есть) или удалите `search: true`
search-failed = не удалось создать поисковый индекс: { $detail }
origin-search-index = поисковый индекс (папка /pagefind/)
help-arg-search = Создать также страницы поиска и поисковый индекс (как `search: true` в site.yaml)

# import
import-legacy-doc = { $file } — старый файл Word (.doc), jarya его не читает. Откройте его в Word или LibreOffice, сохраните как .docx («Документ Word») и импортируйте этот файл
import-unsupported = { $file }: jarya импортирует файлы .docx, .odt, .txt и .md, а не .{ $ext }
import-broken = { $file } не читается как документ ({ $detail }). Откройте его в Word или LibreOffice и сохраните заново
import-letters-lost = { $file } сохранён в кодировке Windows-1251 («ANSI»), в которой нет букв ң, ө, ү: вместо них сохранились знаки «?» (строка { $line }: «{ $word }»). Откройте его в Блокноте, сохраните в «UTF-8» (Файл > Сохранить как > Кодировка: UTF-8), впишите пропавшие буквы заново и импортируйте ещё раз
import-language-unknown = { $file }: язык текста неясен (баллы кыргызского { $ky }, русского { $ru }; слова: { $words }). Укажите его: --lang ru или --lang ky
import-header = Импортировано командой jarya import из { $file }. Проверьте каждое значение (в комментарии сказано, откуда оно взято), затем удалите `draft: true`.
import-from = из текста: «{ $text }»
import-todo = в тексте не найдено: заполните
import-loose = ещё в тексте, без имени рядом: { $list }
import-written = { $path }: записан из { $file }
import-encoding = { $file }: прочитан в кодировке { $encoding }
import-missing = { $path }: в тексте не найдено, заполните: { $fields }
import-new-organization = нет в organizations.yaml: { $name }. Чтобы указать эту организацию в organizers, сначала добавьте её туда (jarya import вывел запись, которую можно скопировать)
import-suggest = { $path }: в тексте названы организации, которых нет в content/organizations.yaml. Проверьте каждое название, допишите название на втором языке, вставьте записи в content/organizations.yaml, затем добавьте их в organizers:
import-other-name = название на втором языке
import-next = Проверьте значения и комментарии к ним, удалите `draft: true`, затем: jarya check
help-import = Сделать релиз из пресс-релиза в Word (.docx), LibreOffice (.odt) или простом тексте (.txt, .md): jarya import релиз.docx
help-arg-files = Документы для импорта
help-arg-import_lang = Язык релизов, ru или ky (по умолчанию определяется по словам текста; если он неясен, jarya попросит указать его)
help-arg-dry_run = Показать файлы релизов, не записывая их
