# jarya'нын кабарлары кыргызча. Ар бир ачкыч en.ftl жана ru.ftl файлдарында ошол эле
# ордуна коюлуучулар ($name) менен бар; `cargo test` муну текшерет. Терминдер: ката,
# эскертүү, кеңеш, талаа, пресс-релиз, веб-дарек, папка; талаалардын жана файлдардын
# аттары которулбайт. Сан атоочтон кийин зат атооч жекелик санда калат ("5 ката").

## Буйруктун жыйынтыгы

content-errors = Сайттын файлдарында { $count } ката бар; эч нерсе жазылган жок
io-failed = { $path }: { $reason }
io-not-found = мындай файл же папка жок
io-permission-denied = уруксат жок
io-already-exists = мурунтан эле бар
io-storage-full = диск толуп калган
io-read-only = дискке жазууга болбойт, окууга гана болот
io-address-in-use = бул даректи башка программа колдонуп жатат
io-other = { $detail }

## Талаалардын жана жөндөөлөрдүн маанилери

lang-unknown = белгисиз тил «{ $found }»
lang-unknown-hint = ru же ky деп жазыңыз

## content/site.yaml

settings-missing = сайттын жөндөөлөр файлы жок
settings-missing-hint = base_url жана languages менен content/site.yaml файлын түзүңүз; README.ru.md, «Настройки сайта» бөлүгүн караңыз
setting-unknown = белгисиз жөндөө `{ $name }`
setting-unknown-suggest = `{ $suggestion }` болушу мүмкүнбү? Жөндөөлөр: { $list }
setting-unknown-hint = жөндөөлөр: { $list }
shape-expected = { $expected } күтүлгөн, бирок бул жерде { $found }
expect-settings-lines = `аталыш: маани` саптары түрүндөгү жөндөөлөр
settings-example-hint = README.ru.md ичиндеги «Настройки сайта» мисалы менен салыштырыңыз
expect-one-value = сапта бир маани
expect-one-value-hint = маанини жөндөөнүн аты менен бир сапка жазыңыз
expect-language-entries = ар бир тилге бир жазуу
languages-shape-hint = `languages:` деп жазып, анын астына `  ru: {"{"}title: ..., description: ...{"}"}`
expect-language-parts = { $code } үчүн аталыш жана сүрөттөмө
language-parts-hint = `  ru: {"{"}title: ..., description: ...{"}"}` деп жазыңыз
language-part-unknown = { $code } тилинде белгисиз бөлүк `{ $part }`
language-part-unknown-hint = тилдин аталышы (title) жана сүрөттөмөсү (description) болот
base-url-invalid = сайт жарыяланган дарек күтүлгөн, бирок бул жерде «{ $found }»
base-url-hint = толук жазыңыз: base_url: https://our-ngo.kg/
languages-none = сайттын бир да тили жок
languages-none-hint = `ru:` жана `ky:` менен `languages:` кошуңуз, ар биринин аталышы жана сүрөттөмөсү болсун
language-no-title = { $code } тилинин аталышы жок
language-no-title-hint = тилдин астына `title: ...` кошуңуз: сайттын ошол тилдеги аталышы
default-language-missing = негизги тил { $code } `languages` ичинде жок
default-language-missing-hint = аны `languages:` астына кошуңуз же башка негизги тил тандаңыз
per-page-invalid = бир барактагы релиздердин саны 1ден 1000ге чейин күтүлгөн, бирок бул жерде «{ $found }»
per-page-hint = адатта 20 деп жазылат
timezone-unknown = белгисиз убакыт алкагы «{ $found }»
timezone-hint = убакыт алкактарынын базасындагы аталышты жазыңыз, мисалы Asia/Bishkek же Asia/Almaty
event-duration-invalid = иш-чаранын узактыгы күтүлгөн, бирок бул жерде «{ $found }»
event-duration-hint = саат менен мүнөттү жазыңыз: event_duration: 2h (же 90m, 1h30m)
phone-region-invalid = «{ $found }» өлкөнүн эки тамгалуу коду эмес
phone-region-hint = Кыргызстан — KG, Казакстан — KZ, Россия — RU
phone-code-invalid = өлкөнүн телефон коду күтүлгөн, бирок бул жерде «{ $found }»
phone-code-hint = Кыргызстандын коду 996; же `phone_region: KG` деп жазыңыз

## YAML (файлдын башы, site.yaml, маалымдамалар)

yaml-colon = бул YAML эмес: маанинин ичинде кош чекит (:) бар, бирок тырмакча жок
yaml-colon-hint = кош чекит (:) бар маанини түз тырмакчага алыңыз: title: "Форум: жыйынтыктар"
yaml-colon-fix-hint = маанини түз тырмакчага алыңыз: { $fixed }
yaml-tab = бул YAML эмес: табуляция же маани башталбай турган белги бар
yaml-tab-hint = чегинүүнү табуляция менен эмес, боштук менен жасаңыз; @, ` же % менен башталган маанини тырмакчага алыңыз
yaml-duplicate = бул YAML эмес: `{ $field }` талаасы эки жолу жазылган
yaml-duplicate-hint = ар бир талаа бир гана жолу жазылат: бирөөсүн өчүрүңүз
yaml-indent = бул YAML эмес: чегинүү жогорудагы саптарга туура келбейт
yaml-indent-hint = чегинүүлөрдү текшериңиз: тизменин элементтери өз талаасынын астында `  - ` менен башталат
yaml-invalid = бул YAML эмес: { $detail }
yaml-invalid-hint = бул сапты жана мурунку сапты текшериңиз: тырмакчалар жабылышы, тизмелер чегинүү менен жазылышы керек
yaml-nested-quotes = `{ $field }` маанисинде { $quote } тырмакчалары { $quote } тырмакчаларынын ичинде турат, ошондуктан маани эрте бүтүп калат
yaml-nested-quotes-hint = ичинде «ёлочка» тырмакчаларын колдонуңуз: { $with_guillemets } — же маанинин тегерегине башка тырмакча коюңуз: { $with_other_quotes }
yaml-unclosed-quote = маанини ачкан тырмакча жабылган эмес, ошондуктан кийинки саптар анын бөлүгү катары окулат
yaml-unclosed-quote-hint = маанини ошол эле сапта ошол эле тырмакча менен жабыңыз: { $fixed }
yaml-sign-first = маани { $sign } белгиси менен башталат, аны YAML текст катары эмес, өзүнүн кызматтык белгиси катары окуйт
yaml-sign-first-hint = бүт маанини тырмакчага алыңыз: { $fixed }
yaml-dash = бул YAML эмес: `- ` (тизменин элементи) талаанын аты менен бир сапта тура албайт
yaml-dash-hint = ар бир элементти талаанын астына өзүнчө сапка жазыңыз (`  - Аталышы`); эгер сызыкча тексттин бөлүгү болсо, маанини тырмакчага алыңыз: title: "- Жыйынтыктар"
yaml-no-colon = бул YAML эмес: бул сап `талаа: маани` да, тизменин элементи да эмес
yaml-no-colon-hint = аны талаанын аты жана кош чекит менен баштаңыз же жогорку саптагы мааниге кошуңуз (маани бир нече саптан турса, тырмакчада)
yaml-colon-space = `{ $field }:` кийин боштук жок, ошондуктан YAML бул жерде талааны көрбөйт
yaml-colon-space-hint = кош чекиттен кийин боштук коюңуз: { $fixed }
yaml-escape = бул YAML эмес: "кош тырмакчада" тескери жантык сызык \ кызматтык белгини баштайт, мындай белги жок
yaml-escape-hint = маанини 'жалгыз тырмакчага' алыңыз — анда тескери сызык жазылгандай калат: image: 'C:\Сүрөт\зал.jpg' — же ар бир \ ордуна \\ жазыңыз
yaml-comment = # белгисинен кийинки текст мааниге кирген жок (YAMLда боштук жана # түшүндүрмөнү баштайт), ошондуктан маани «{ $value }» болуп калмак
yaml-comment-all = маани # жана сөз менен башталат, YAML муну түшүндүрмө деп окуйт (хештегди да), ошондуктан талаа бош калмак
yaml-comment-hint = эгер # тексттин бөлүгү болсо, бүт маанини тырмакчага алыңыз: { $fixed }; түшүндүрмөнү өзүнчө сапка жазыңыз
yaml-flow-open = { $sign } белгиси менен ачылган тизме өз сабында жабылган эмес, ошондуктан кийинки саптар анын бөлүгү катары окулат
yaml-flow-open-hint = тизмени ошол эле сапта { $close } белгиси менен жабыңыз: { $fixed }
yaml-item-no-key = «{ $text }» тизме элементинин астында бөлүктөрү бар (`{ $part }: …`), бирок өз сабында талаанын аты жок
yaml-item-no-key-hint = биринчи сапка да талаанын атын жазыңыз: { $fixed }
found-nothing = бош
found-value = `{ $value }`
found-text = «{ $value }»
found-number = { $value } саны
found-list = тизме
found-map = ичке бөлүктөр (`ачкыч: маани` саптары)

## Файлдын башы: талаалардын түрү

field-unknown = белгисиз талаа `{ $name }`
field-unknown-suggest = `{ $suggestion }` болушу мүмкүнбү? Талаалар: { $list }
field-unknown-hint = талаалар: { $list }
field-time-hint = убакыт `date` ичине жазылат: `date: 2025-06-27 10:00`
field-one-line = бир сап текст күтүлгөн, бирок бул жерде { $found }
field-one-line-hint = маанини талаанын аты менен бир сапка жазыңыз
field-bool = true же false күтүлгөн, бирок бул жерде { $found }
field-bool-hint = релизди жашыруу үчүн `draft: true` деп жазыңыз же сапты өчүрүңүз
field-names = аталыштардын тизмеси күтүлгөн, бирок бул жерде { $found }
field-names-item = тизменин ар бир элементи аталыш болушу керек, бирок бул жерде { $found }
field-names-hint = ар бир аталышты жаңы саптан `  - ` менен баштап жазыңыз
contacts-list = байланыштардын тизмеси күтүлгөн, бирок бул жерде { $found }
contacts-item = ар бир байланыштын бөлүктөрү (name, email, phone...) болушу керек, бирок бул жерде { $found }
contacts-hint = ар бир байланышты мындай жазыңыз: `  - name: ...`, андан кийин `    email: ...` жана/же `    phone: ...` саптары
location-shape = жер күтүлгөн, бирок бул жерде { $found }
location-hint = `location: Бишкек, Киев көч. 96` деп жазыңыз же `name`, `address` жана `city` бөлүктөрүн чегинүү менен жазыңыз
part-unknown = белгисиз бөлүк `{ $part }`
part-unknown-suggest = `{ $suggestion }` болушу мүмкүнбү? Бөлүктөр: { $list }
part-unknown-hint = бөлүктөр: { $list }
part-one-line = `{ $part }` бир сап текст болушу керек, бирок бул жерде { $found }

## Файлдар

file-unreadable = файлды окуу мүмкүн болгон жок: { $reason }
folder-unreadable = папканы окуу мүмкүн болгон жок: { $reason }
file-not-utf8 = файл UTF-8 коддоосунда сакталган эмес
file-not-utf8-hint = аны «UTF-8» коддоосунда сактаңыз (Блокнотто: Файл > Сохранить как > Кодировка: UTF-8)
file-read-as-1251 = файл UTF-8 эмес, Windows-1251 («ANSI») коддоосунда сакталган: ал кирилл тексти катары окулду
file-letters-lost = файл Windows-1251 («ANSI») коддоосунда сакталган, анда ң, ө, ү тамгалары жок: алардын ордуна «?» белгиси сакталып калган («{ $word }»)
file-letters-lost-hint = файлды «UTF-8» коддоосунда сактап (Блокнотто: Файл > Сохранить как > Кодировка: UTF-8), жоголгон тамгаларды кайра жазыңыз
file-changed-during-build = сайт жыйналып жатканда файл өзгөрдү
file-changed-during-build-hint = файл сакталгандан кийин сайтты кайра жыйнаңыз: жарыяланган сайт өзгөргөн жок
front-matter-missing = файл башы (front matter) менен башталбайт
front-matter-missing-hint = файлды `---` сабы менен баштаңыз, андан кийин талаалар (title, date, lang, organizers), андан кийин дагы бир `---` сабы, андан кийин текст
front-matter-unclosed = файлдын башы жабылган эмес
front-matter-unclosed-hint = акыркы талаадан кийин, тексттин алдына `---` сабын кошуңуз
front-matter-shape = файлдын башы `талаа: маани` саптарынан турушу керек
front-matter-shape-hint = ар бир талааны жаңы сапка жазыңыз, мисалы `title: Аталышы`

## Файлдын башы: маанилер

field-missing = милдеттүү `{ $field }` талаасы жок
field-missing-hint = жабуучу `---` сабынын алдына сап кошуңуз: { $example }
title-empty = аталыш бош
title-empty-hint = `title:` дан кийин релиздин аталышын жазыңыз
lang-use-one-of = бул тилдердин бирин жазыңыз: { $list }
lang-meant = `{ $field }: { $code }` деп жазыңыз: тил эки тамгалуу код менен жазылат — кыргызча ky (kg — өлкөнүн коду), орусча ru
lang-folder-mismatch = файл `{ $folder }` папкасында турат, бирок анда `lang: { $lang }` деп жазылган
lang-folder-mismatch-hint = `lang: { $folder }` деп жазыңыз же файлды content/{ $lang }/ папкасына жылдырыңыз
date-invalid = «{ $found }» дата эмес
date-not-real = «{ $found }» — мындай дата болбойт (айын жана күнүн текшериңиз)
date-time-not-real = «{ $found }» — мындай дата жана убакыт болбойт (саатын жана мүнөтүн текшериңиз: 10:00 же 14:00-18:00)
date-ambiguous = «{ $found }» эки түрдүү окулат: { $start } дөн эртеси күнкү { $end } чейин, же UTC боюнча -{ $end } жылышуу менен { $start }; `date: { $day } { $start }` жана `end: <күнү> { $end }` деп жазыңыз, же жылышууну мындай жазыңыз: { $offset_form }
date-written-hint = `{ $field }: { $date }` (жыл-ай-күн) же убакыты менен: `{ $field }: { $date } 10:00` деп жазыңыз
date-time-hint = `{ $field }: { $date } { $time }` деп жазыңыз (жыл-ай-күн, анан убакыт)
date-range-hint = `{ $field }: { $date } { $start }-{ $end }` деп жазыңыз (жыл-ай-күн, анан башталган жана бүткөн убакыт)
date-days = «{ $found }» — бул бир нече күн: `date` талаасына иш-чара башталган күн (жана убакыт), ал эми бүткөн күнү `end` талаасына жазылат
date-days-hint = эки сап жазыңыз: `date: { $start }` жана анын астына `end: { $end }`
date-hint = датаны жыл-ай-күн түрүндө жазыңыз: `{ $field }: 2025-06-27`, же убакыты менен: `{ $field }: 2025-06-27 10:00` же `{ $field }: 2025-06-27 14:00-18:00`
date-moment-hint = датаны жыл-ай-күн түрүндө жазыңыз: `{ $field }: 2025-06-27`, же убакыты менен: `{ $field }: 2025-06-27 10:00`
end-time-hint = иш-чара ошол эле күнү бүтсө, убакытты гана жазыңыз: `end: { $time }`
end-twice = аякташы эки жолу берилген: `date: { $date }` ичинде жана `end` ичинде
end-twice-hint = бирөөсүн калтырыңыз: `date` ичиндеги убакыт аралыгын же `end`
end-range = `end: { $found }` ичинде убакыт аралыгы бар
end-range-hint = `end` — акыркы күн жана убакыт: end: 2025-06-28 18:00
end-before-start = иш-чара башталганга чейин ({ $start }) аяктап калат ({ $end })
end-before-start-hint = `end` — иш-чаранын акыркы күнү (жана убактысы); эки датаны тең текшериңиз
end-time-without-start = аякташ убактысы ({ $time }) берилген, бирок `date: { $date }` ичинде башталуу убактысы жок, ошондуктан иш-чара качан башталары белгисиз
end-time-without-start-hint = `date` ичине башталуу убактысын жазыңыз: date: { $date } 10:00, же `end` ичине акыркы күндү убакытсыз: end: { $day }
slug-empty = «{ $found }» ичинде веб-дарек жасай турган тамга же сан жок
slug-empty-hint = тамгаларды, сандарды жана дефисти колдонуңуз: slug: forum-2025
slug-file-name-empty = «{ $name }» файлдын атында веб-дарек жасай турган тамга же сан жок
slug-file-name-empty-hint = файлдын атын өзгөртүңүз же `slug: forum-2025` сабын кошуңуз
slug-reserved = `{ $slug }` веб-дареги сайттын өз барактары үчүн ээленген
slug-reserved-hint = башка ат менен `slug: ...` сабын кошуңуз же файлдын атын өзгөртүңүз
slug-device = `{ $slug }` веб-дареги — Windows түзмөктөр үчүн сактаган аттардын бири: Windows системасында мындай баракты жазууга да, ачууга да болбойт
slug-device-hint = башка дарек бериңиз, мисалы: `slug: { $slug }-2025`
image-invalid = «{ $found }» static/ ичиндеги сүрөттүн жолу да, толук веб-дарек да эмес
image-invalid-hint = static/ ичиндеги жолду жазыңыз, мисалы `image: img/forum.jpg`, же толук https:// дарек
image-on-computer-hint = бул сиздин компьютериңиздеги файл, окурмандар аны ача албайт: { $file } файлын static/img/ папкасына (же релиздин папкасына, index.md жанына) көчүрүп, `image: img/{ $file }` деп жазыңыз
image-alt-missing = релизде сүрөт (`image`) бар, бирок анда эмне көрсөтүлгөнү жазылган эмес
image-alt-missing-hint = image: астына сүрөттө эмне бар экенин бир нече сөз менен жазыңыз, аны көрө албаган окурмандар үчүн: `image_alt: Форумдун катышуучулары залда`
image-unreadable = {$path} сүрөтүн окуу мүмкүн эмес (файл бузулган же 50 мегапикселден чоң)
image-unreadable-hint = аны JPEG же PNG форматында, туурасы 4000 пикселден ашпагандай кайра сактап, ошол эле жерге коюңуз

## Байланыштар

contact-no-name = байланыштын аты жок
contact-no-name-hint = `name: ...` кошуңуз: адам же бөлүм
contact-unreachable = «{ $name }» байланышында email да, телефон да, url да жок
contact-unreachable-unnamed = байланышта email да, телефон да, url да жок
contact-unreachable-hint = байланышуунун жок дегенде бир жолун жазыңыз: `email: ...` же `phone: ...`
email-invalid = «{ $found }» электрондук почтанын дареги эмес
email-invalid-hint = мындай жазыңыз: name@example.kg
email-fix-hint = `{ $fixed }` деп жазыңыз
phone-impossible = «{ $found }» бар боло турган телефон номерине окшобойт
phone-impossible-hint = сандарды текшериңиз: кыргыз номери — 0 жана 9 сан (0 312 91 10 10, 0555 12 34 56) же +996 жана 9 сан
phone-invalid = «{ $found }» телефон номери эмес
phone-invalid-hint = сандарды боштук менен жазыңыз, мисалы 0 312 91 10 10 же +996 771 28 66 05
phone-words-hint = номерди гана жазыңыз: `{ $fixed }` (керектүү сөздөр — номерден кийин кашаада)
url-invalid = «{ $found }» веб-дарек эмес
url-invalid-hint = толук жазыңыз: { $fixed }

## Даректер, котормолор, маалымдамалардагы аталыштар, шилтемелер

slug-taken = эки релиздин веб-дареги бирдей, { $address }: бул файл жана { $other }
slug-taken-hint = бирөөсүнө башка `slug:` бериңиз (же файлдын атын өзгөртүңүз)
translation-key-shared = { $lang } тилиндеги эки релиздин translation_key бирдей, «{ $key }»: бул файл жана { $other }
translation-key-shared-hint = translation_key ар бир тилден бир релизди байланыштырат: ар бир иш-чарага өз ачкычын бериңиз
translation-name-shared = бул файл менен { $other } бир тилде бирдей аталышта, ошондуктан бири да котормосу менен байланышкан жок
translation-name-shared-hint = релизге жана анын котормосуна бирдей `translation_key:` кошуңуз
term-unregistered = «{ $name }» { $kind ->
    [topics] темасы
   *[other] уюштуруучусу
} { $registry } ичинде жок (колдонулган жери: { $files }{ $more ->
    [0] {""}
   *[other] {""} жана дагы { $more } файл
})
topic-new-hint = эгер бул жаңы тема болсо, аны { $registry } файлына кошуңуз
organizer-new-hint = эгер бул жаңы уюштуруучу болсо, аны { $registry } файлына кошуңуз
term-closest-hint = { $suggestions } болушу мүмкүнбү? Болбосо, { $registry } файлына кошуңуз
topic-slip = «{ $name }» темасы { $registry } ичиндеги «{ $meant }» темасы менен дээрлик бирдей: ката үчүн өзүнчө тема барагы жарыяланып калмак
topic-slip-hint = «{ $meant }» деп жазыңыз; эгер бул башка тема болсо, аны { $registry } файлына кошуңуз
names-comma = «{ $name }» ичинде үтүр бар бир аталыш катары окулат
names-comma-hint = бир нече аталыш тизме менен жазылат: `{ $list_form }`; үтүрү бар бир аталышты маалымдамага кошуу керек ({ $registry })
link-to-draft = «{ $link }» шилтемеси бул жыйнакка кирбеген долбоорго алып барат
link-to-draft-hint = тиги релиз жарыяланганда (draft: false) шилтеме иштей баштайт
link-to-unknown-file = «{ $link }» шилтемеси бул сайттын релизи эмес файлга алып барат
link-to-unknown-file-hint = башка релиздин .md файлына ушул файлга салыштырмалуу (мисалы, ../ru/forum.md) же анын барагына (/ky/slug/) шилтеме бериңиз

## Уюштуруучулар жана темалар

organizers-empty = жок дегенде бир уюштуруучу керек
organizers-empty-hint = иш-чараны өткөргөн уюмдарды ар бирин өз сабына жазыңыз: `  - КФ «Аталышы»`
names-item-empty = тизмедеги аталыштардын бири бош
names-item-empty-hint = бош `-` сабын өчүрүңүз же андан кийин аталышты жазыңыз
names-dash = «{ $found }»: тизменин пункттары дефис жана боштук менен башталат («- »), ал эми бул жерде «{ $mark }» менен (Word көп учурда дефисти сызыкчага алмаштырат), ошондуктан бул бир аталыш катары окулат
names-dash-hint = ар бир пунктту жаңы саптан, дефис менен баштап жазыңыз: `  - { $first }`

## Сайттын файлдары, шаблондор, `check` текшерген шилтемелер

origin-file = { $path }
origin-page = { $path } барагы
origin-release-calendar = { $path } үчүн календарь файлы
origin-generated = түзүлгөн { $path } файлы
output-collision-file = бул файл да, { $other } да { $path } жолуна жазылмак
output-collision = { $first } да, { $second } да { $path } жолуна жазылмак
output-collision-hint = бирөөсүнүн атын өзгөртүңүз же жылдырыңыз (же релизге башка `slug:` бериңиз)
output-outside = { $path } сайттын папкасынан тышкары жазылбайт
output-old-copy-kept = сайттын мурунку нускасы алмаштырылды, бирок анын эски көчүрмөсүн { $path } өчүрүү мүмкүн болгон жок ({ $reason }); кийинки жыйноо аны өчүрөт
page-data-failed = барактын маалыматын даярдоо мүмкүн болгон жок: { $detail }
template-error = шаблондогу ката: { $detail }
template-error-hint = шаблонду оңдоңуз же орнотулганы колдонулушу үчүн аны өчүрүңүз
template-parent-missing = шаблондогу ката: ал «{ $parent }» шаблонун кеңейтет, бирок мындай шаблон жок
template-parent-missing-hint = {"{"}% extends %{"}"} ичиндеги аталышты текшериңиз
template-missing = шаблондогу ката: мындай шаблон жок
image-missing = «{ $path }» сүрөтү жок
image-missing-hint = аны static/ ичине (же релиздин папкасында index.md жанына) коюп, жолун жазыңыз
image-meant-hint = сайтта `{ $found }` бар: `{ $field }: { $found }` деп жазыңыз (static/ ичиндеги жол, баш жана кичине тамгалар файлдын атындагыдай: сервер аларды айырмалайт, Windows — жок)
body-link-broken = «{ $link }» шилтемеси бул сайтта эч жакка алып барбайт
body-picture-broken = «{ $link }» сүрөтү бул сайтта эч жакка алып барбайт
body-link-broken-hint = даректи текшериңиз: барактар — /<тил>/<slug>/, static/ ичиндеги файлдар — /<жол>
link-file-hint = релиздин өз файлдары анын папкасынан жарыяланат: `{ $folder }` папкасын түзүп, `{ $release }` файлын ага `index.md` деген ат менен көчүрүңүз жана жанына `{ $file }` коюңуз (мындай папканы `jarya new --bundle` түзөт); же файлды static/ ичине коюп, `/{ $file }` дарегине шилтеме бериңиз
link-file-bundle-hint = `{ $file }` файлын `{ $folder }` папкасына, `index.md` жанына коюңуз; же аны static/ ичине коюп, `/{ $file }` дарегине шилтеме бериңиз
link-meant-hint = сайтта `{ $fixed }` бар: даректи баш жана кичине тамгалары менен ошондой жазыңыз (сервер аларды айырмалайт, Windows — жок)

## serve

not-a-site = { $path } папкасында content/ папкасы жок: бул jarya сайтыбы? Сайттын папкасына өтүңүз (cd) же аны --site менен көрсөтүңүз; жаңы сайтты `jarya init` түзөт
serve-cannot-listen = { $address } ачуу мүмкүн болгон жок: { $reason }
serve-port-taken = { $address } башка программа тарабынан ээленген (дагы бир `jarya serve`?): аны токтотуңуз же башка порт тандаңыз: --port { $next }
serve-port-moved = { $taken } порту башка программа тарабынан ээленген (дагы бир `jarya serve`?): бул { $port } портунда иштейт
serve-built = Сайт жыйналды
serve-serving = Сайт бул даректе ачык: { $url } (токтотуу: Ctrl-C)
serve-file-changed = { $path } өзгөрдү
serve-files-changed = { $count } файл өзгөрдү
serve-rerendered = { $what }; { $count ->
    [one] анын барагы жаңыланды
   *[other] { $count } барак жаңыланды
}, { $seconds } сек
serve-updated = { $what }; толук жыйноосуз { $count } файл жаңыланды, { $seconds } сек
serve-rebuilt = { $what }; сайт кайра жыйналды
serve-done-in = { $what }, { $seconds } сек
serve-build-failed = { $count } ката; алар браузерде көрсөтүлдү; азырынча акыркы ийгиликтүү жыйноо көрсөтүлүп жатат
serve-stopped = Токтотулду.
serve-no-ctrlc = Ctrl-C серверди туура токтото албайт: { $detail }
serve-page-title = jarya: сайтта каталар бар
serve-page-heading = Акыркы өзгөртүүдө каталар бар
serve-page-lead = Аларды оңдоп, файлды сактаңыз: бул барак өзү жаңыланат. Башка барактар азырынча акыркы ийгиликтүү нускасын көрсөтөт.
serve-page-no-errors = Ката жок: сайт жыйналат.
serve-banner = jarya: акыркы өзгөртүүдө каталар бар.
serve-banner-link = Көрсөтүү

## Буйруктар

source-date-epoch-invalid = SOURCE_DATE_EPOCH 1970-жылдан бери өткөн секунддардын саны болушу керек, бирок бул жерде «{ $found }»
out-inside-site = { $path } чыгаруу папкасы сайттын өз файлдарын камтымак же алмаштырмак; --out менен башка папка тандаңыз
new-settings-broken = сайттын жөндөөлөрүндө каталар бар; аларды көрүү үчүн `jarya check` иштетиңиз ({ $first })
new-no-such-language = сайтта { $code } тили жок (content/site.yaml караңыз)
new-exists = { $path } мурунтан эле бар; үстүнөн жазылбайт. Башка аталыш тандаңыз же ошол файлды ачыңыз

## Каталар кантип көрсөтүлөт

label-error = ката
label-warning = эскертүү
label-hint = кеңеш

## Буйруктар эмнени басып чыгарат

internal-error = ички ката: jarya программадагы катадан улам токтоду ({ $place }). Сиздин файлдарыңыз себеп эмес, public/ өзгөргөн жок. Сураныч, бул тууралуу иштеткен буйругуңуз менен кошо билдириңиз.
build-failed = { $count } ката табылды; эч нерсе жазылган жок. Жогорудагы файлдарды оңдоп, кайра иштетиңиз.
check-failed = { $count } ката табылды. Жогорудагы файлдарды оңдоп, кайра иштетиңиз.
build-summary = Сайт жыйналды: { $pages } барак, { $other } календарь жана тасма, { $statics } статикалык файл { $out } ичине жазылды ({ $releases } релиз: { $by_language }), { $seconds } сек
build-unchanged = Акыркы жыйноодон бери эч нерсе өзгөргөн жок: { $out } ичиндеги сайт жаңы ({ $releases } релиз: { $by_language }), { $seconds } секте текшерилди
check-summary = Сайт текшерилди: { $pages } барак, { $other } календарь жана тасма, { $statics } статикалык файл жазылмак ({ $releases } релиз: { $by_language }), { $seconds } сек
progress-reading = Сайттын файлдары окулууда…
progress-writing = Файлдар жазылууда: { $done } / { $total }…
new-date-invalid = --date 2025-06-27 же 27.06.2025 түрүндөгү дата болушу керек, бирок бул жерде «{ $found }»
new-created = Түзүлдү: { $path }
new-language-detected = Тил: { $code } (аталышынан аныкталды; башкасын --lang менен тандаңыз)
new-bundle = Сүрөттөрдү жана PDF файлдарды жанына, { $path } ичине коюңуз.
new-address = Сайттагы дареги: { $url }
new-next = Талааларды толтуруп, натыйжаны бул буйрук менен караңыз: jarya serve
cli-unknown-command = «{ $found }» деген буйрук жок
cli-unknown-option = белгисиз параметр «{ $found }»
cli-invalid-value = «{ $found }» { $option } үчүн туура эмес; болушу мүмкүн: { $valid }
cli-missing = жетишпейт: { $what }
cli-did-you-mean = «{ $suggestion }» болушу мүмкүнбү?
cli-more-help = Буйруктардын жана параметрлердин тизмеси: jarya --help

## --help

help-about = jarya: пресс-релиздерди жана иш-чаралардын жарыяларын эки тилдүү (орусча жана кыргызча) сайтка жарыялайт.
help-long-about = jarya: пресс-релиздерди жана иш-чаралардын жарыяларын эки тилдүү (орусча жана кыргызча) сайтка жарыялайт.

    Ар бир релизди content/ru/ же content/ky/ ичинде Markdown файлы катары жазыңыз (`jarya new` аны түзөт), сайтты `jarya serve` менен карап, `jarya build` public/ ичине жазганын жарыялаңыз.
help-usage = Колдонуу:
help-commands = Буйруктар
help-command-value = БУЙРУК
help-options = Параметрлер
help-arguments = Аргументтер
help-arg-help = Ушул жардамды көрсөтүү
help-arg-version = Версиясын көрсөтүү
help-build = Сайтты public/ (же --out) ичине жыйноо. Файлдарда ката болсо, чыгуу коду 1.
help-serve = Сайтты http://127.0.0.1:1111/ дарегинде көрсөтүү; ар бир өзгөртүүдө ал кайра жыйналып, браузер жаңыланат.
help-new = Жаңы релиз баштоо: jarya new "Релиздин аталышы" --lang ky
help-check = Эч нерсе жазбастан бардык файлдарды жана релиздердеги шилтемелерди текшерүү. Ката болсо, чыгуу коду 1, эскертүүлөр гана болсо, 0.
help-arg-ui_lang = jarya кабарларынын тили: en, ru же ky (демейки: JARYA_LANG, андан кийин системанын тили, андан кийин сайттын негизги тили)
help-arg-site = Сайттын папкасы, content/ турган папка (демейки: учурдагы папка)
help-arg-out = Сайтты кайсы жерге жазуу (демейки: сайттын папкасындагы public/)
help-arg-base_url = Сайт жарыяланчу дарек, content/site.yaml ичиндеги base_url ордуна
help-arg-drafts = `draft: true` белгиси бар релиздерди да кошуу
help-arg-port = 127.0.0.1 дарегиндеги порт (демейки боюнча 1111 же кийинки бош порт; 0 — каалаган бош порт)
help-arg-open = Сайтты браузерде ачуу
help-arg-title = Релиздин тырмакчадагы аталышы: файлдын аты жана дареги андан жасалат
help-arg-lang = Релиздин тили (демейки: аталышынан аныкталат, болбосо сайттын негизги тили)
help-arg-date = Иш-чаранын датасы, 2025-06-27 же 27.06.2025 (демейки: бүгүн)
help-arg-bundle = Тексттин жанында сүрөттөр жана PDF турушу үчүн index.md менен папка түзүү
help-arg-format = Каталарды кантип көрсөтүү: human (адамдар үчүн), json (программалар үчүн) же github (GitHub белгилери)

## Маалымдамалар (topics.yaml, organizations.yaml)

registry-key-repeated = `{ $key }` ачкычы { $line }-сапта мурунтан колдонулган
registry-key-repeated-hint = ар бир тема же уюм бир гана жолу жазылат: эки жазууну бириктириңиз
registry-shape = ар бир ачкычка бир жазуу күтүлгөн, бирок бул жерде { $found }
registry-shape-hint = ар бир жазууну саптын башында ачкыч менен баштаңыз: `gender-equality:`
registry-key-empty = жазуунун ачкычы бош
registry-key-empty-hint = ар бир жазууну кичине латын тамгалары, сандар жана дефистерден турган ачкыч менен баштаңыз: `gender-equality:`
registry-key-invalid = `{ $key }` ачкычын веб-даректе колдонууга болбойт
registry-key-invalid-hint = ачкыч кичине латын тамгаларынан, сандардан жана дефистерден турат
registry-key-invalid-suggest = ачкыч кичине латын тамгаларынан, сандардан жана дефистерден турат: `{ $suggestion }`
registry-key-device-hint = Windows бул атты түзмөктөр үчүн сактайт, ошондуктан анын барагын ал жерде жазууга болбойт: башкасын тандаңыз, мисалы: `{ $key }-org`
registry-entry-shape = жазуунун аталыштары күтүлгөн, бирок бул жерде { $found }
registry-entry-shape-hint = аталыштарды ачкычтын астына чегинүү менен жазыңыз: `  ru: ...` жана `  ky: ...`
registry-entry-no-name = жазуунун аталышы жок
registry-entry-no-name-hint = анын аталышын ар бир тилде кошуңуз: `  ru: ...` жана `  ky: ...`
registry-logo-missing = { $path } логотиби жок
registry-logo-missing-hint = сүрөттү static/ папкасына коюп, жолун ошол папкадан баштап жазыңыз: `logo: img/logo.png`
logo-on-computer-hint = бул сиздин компьютериңиздеги файл, окурмандар аны ача албайт: { $file } файлын static/img/ папкасына көчүрүп, `logo: img/{ $file }` деп жазыңыз
registry-names-per-language = аталыштар тилдер боюнча жазылат: { $list }
registry-lang-meant = `{ $code }:` деп жазыңыз: тил эки тамгалуу код менен жазылат — кыргызча ky (kg — өлкөнүн коду), орусча ru
registry-field-suggest = `{ $suggestion }` болушу мүмкүнбү? Жазуунун бөлүктөрү: { $list }
registry-field-hint = жазуунун бөлүктөрү: { $list }
registry-name-shared = «{ $name }» `{ $other }` жазуусунун да аталышы
registry-name-shared-hint = аталыш же синоним бир гана жазууга таандык боло алат: аны бирөөсүнөн алып салыңыз
registry-per-language = тилдер боюнча текст күтүлгөн, бирок бул жерде { $found }
registry-per-language-hint = текстти тилдер боюнча жазыңыз: `{"{"}ru: ..., ky: ...{"}"}`

## git

git-shallow = git тарыхы толук эмес, андан ар бир релиз качан жарыяланганын билүүгө болбойт; тасмаларда иш-чаралардын даталары колдонулат
git-shallow-hint = бүт тарыхты жүктөңүз (GitHub Actions: actions/checkout ичинде `fetch-depth: 0`) же ар бир релизге `published:` жазыңыз

## init

init-not-empty = { $path } ичинде файлдар бар; сайтты бош папкада түзүңүз же ал файлдарды калтырып, сайттын файлдарын кошуу үчүн --force кошуңуз
init-ask-title-ru = Сайттын орусча аталышы
init-ask-title-ky = Сайттын кыргызча аталышы
init-ask-base-url = Сайт жарыяланчу дарек
init-kept = { $path } калтырылды: ал мурунтан эле бар
init-created = { $path } ичинде жаңы сайт түзүлдү ({ $count } файл).
init-next = Андан кийин: аны `jarya serve --site { $path } --open` менен караңыз, уюмуңузду content/organizations.yaml ичине жазыңыз жана `jarya new "Аталышы"` менен релиз баштаңыз. GitHub Pages аркылуу жарыялоо үчүн папканы GitHub репозиторийине жүктөңүз: калганын .github/workflows/pages.yml жасайт.
help-init = Дароо жыйнала турган жаңы сайт түзүү: жөндөөлөр, ар бир тилде релиздин мисалы, жарыялоо
help-arg-dir = Жаңы сайттын папкасы (демейки: учурдагы папка)
help-arg-title_ru = Сайттын орусча аталышы
help-arg-title_ky = Сайттын кыргызча аталышы
help-arg-site_url = Сайт жарыяланчу дарек (демейки: https://example.kg/; жарыялоодо GitHub Pages өзүнүкүн коёт)
help-arg-yes = Эч нерсе сурабоо: берилбегендер үчүн демейки маанилерди алуу
help-arg-force = Файлдары бар папкада сайт түзүү (алар өзгөрбөйт)

## Браузердеги редактор

editor-hint = редактор /admin/ дарегинде болушу үчүн `editor: true` деп жазыңыз же сапты өчүрүңүз
editor-repo-missing = браузердеги редакторго сайттын GitHub репозиторийи керек
editor-repo-invalid = «{ $found }» GitHub репозиторийи эмес
editor-repo-hint = `editor_repo: our-ngo/site` кошуңуз (репозиторийдин ээси жана аталышы, github.com дарегиндегидей)
editor-title = Редактор
editor-releases = Релиздер ({ $language })
editor-field-title = Аталышы
editor-field-date = Башталышы (күнү жана убактысы)
editor-field-end = Аякташы (милдеттүү эмес)
editor-field-organizers = Уюштуруучулар
editor-field-topics = Темалар
editor-field-location = Өтүүчү жай
editor-field-place = Жай
editor-field-address = Дареги
editor-field-city = Шаар
editor-field-contacts = Басма сөз үчүн байланыштар
editor-field-contact-name = Аты
editor-field-role = Кызматы
editor-field-phone = Телефон
editor-field-email = Эл. почта
editor-field-summary = Кыскача (бир-эки сүйлөм)
editor-field-image = Сүрөт
editor-field-translation-key = Котормо ачкычы (релиздин котормосунда да ушундай)
editor-field-draft = Долбоор (жарыяланбайт)
editor-field-body = Текст

## Релиздин текстиндеги HTML

unsafe-html-hint = бардык авторлорго ишенсеңиз гана `unsafe_html: true` деп жазыңыз: анда HTML, скрипттер менен кошо, жазылгандай жарыяланат
embed-host-invalid = «{ $found }» сайттын аты эмес
embed-host-hint = видеолорун кыстарууга боло турган сайттарды жазыңыз, мисалы `embed_hosts: [www.youtube.com, player.vimeo.com]`
unsafe-html-on = unsafe_html күйгүзүлгөн: релиздердеги HTML, скрипттер менен кошо, жазылгандай жарыяланат
html-dropped = бул HTML жарыяланбайт: { $what }
html-dropped-hint = релиздеги HTML скрипт иштете албайт; шилтемелер http(s), mailto же tel даректерине гана барат; content/site.yaml ичиндеги `embed_hosts` сайттарын гана кыстарууга болот
body-lines-joined = бул саптар ({ $count }) баракта бир абзац болуп калат: абзацтын ичиндеги сап бөлүнүштөрү сакталбайт
body-lines-joined-hint = абзацтардын ортосуна бош сап калтырыңыз, тизменин пункттарын «- » менен баштаңыз (Word'дон көчүрүлгөн текстте көбүнчө экөө тең жок)
organizers-example = «{ $name }» — `jarya new` буйругу жазган мисал, уюштуруучу эмес
organizers-example-hint = уюштуруучунун аталышын content/organizations.yaml файлындагыдай (же анын ачкычын) жазыңыз
body-example = текст дагы эле `jarya new` буйругу жазган мисал
body-example-hint = анын ордуна релиздин өз текстин жазыңыз; файлды азырынча жарыялабоо үчүн `draft: true` кошуңуз
draft-has-errors = бул долбоор сайтка кирбейт, ошондуктан андагы каталар ал долбоор бойдон турганда эскертүү гана
draft-has-errors-hint = `draft: true` өчүрүүдөн мурун аларды оңдоңуз: жарыяланган релизде алар ката болот
link-dropped = «{ $link }» дарегине барак шилтеме бере албайт, ошондуктан шилтеме өчүрүлдү
link-unsafe = «{ $link }» дареги скрипт иштетиши мүмкүн, ошондуктан ал өчүрүлдү
link-unsafe-hint = веб-дарекке (https://...), почтага (mailto:) же телефонго (tel:) шилтеме бериңиз
link-without-https = «{ $link }» — https:// жок башка сайттын дареги: мындай шилтеме ушул сайттын жок барагына алып барат
link-without-https-hint = даректи толук жазыңыз: `{ $fixed }`
yaml-too-deep = бул релиздин башы эмес: кашаалар { $limit } деңгээлден тереңирээк салынган
yaml-too-deep-hint = талаага текст же аталыштардын тизмеси жазылат: бул саптагы [ ] жана {"{"} {"}"} кашааларын текшериңиз
yaml-expansion = бул релиздин башы эмес: анын `&белгилери` жана `*шилтемелери` өтө көп жайылат
yaml-expansion-hint = ар бир маанини `*шилтеме` менен кайталабай, толук жазыңыз
file-too-large = файлдын көлөмү { $megabytes } МБ; релиз же жөндөөлөр файлы { $limit } МБдан ашпашы керек
file-too-large-hint = релиз — бул текст: сүрөттөрдү жана документтерди static/ ичинде (же index.md жанында) өзүнчө файл кылып, аларга шилтеме бериңиз
names-too-many = { $count } аталыш; релизде { $limit } аталыштан ашпашы керек
names-too-many-hint = эң маанилүү бир нече уюмду же теманы жазыңыз
serve-bind-warning = көңүл буруңуз: алдын ала көрүү ушул компьютерде гана эмес, тармакта { $address } дарегинде ачык; долбоорлорду жана бүтө элек барактарды ага жеткен ар ким көрө алат
help-arg-bind = 127.0.0.1 ордуна ушул даректе туташууларды кабыл алуу (0.0.0.0 — бардык тармактарда, ошол эле Wi-Fi'дагы телефондон көрүү үчүн); анда алдын ала көрүү ошол тармакта көрүнөт
editor-field-image-alt = Сүрөттө эмне бар (аны көрө албагандар үчүн)

## Көрүнүшү (логотип, фирмалык түс, социалдык тармактар)
accent-commented = accent бош: YAML тырмакчасыз # белгисин түшүндүрмөнүн башталышы катары окуйт
accent-hint = түстү тырмакчага алып, #rrggbb түрүндө жазыңыз: accent: {$example}
accent-invalid = «{$found}» түс эмес
accent-low-contrast = {$found} фирмалык түсү өтө ачык, ачык фондо (#f4f6f8) бул түстөгү текст начар окулат: контраст {$ratio}:1, WCAG AA боюнча 4.5:1 керек
accent-low-contrast-hint = ошол эле өңдөгү туура келген эң жакын түс: accent: "{$nearest}"
logo-missing = {$path} логотиби жок
logo-unreadable = {$path} jarya окуй алган сүрөт эмес
logo-hint = логотипти static/ папкасына салып, ошол папкадан баштап жолун жазыңыз: logo: img/logo.svg (SVG, PNG, JPEG же WebP)
social-invalid = «{$found}» сайттын дареги эмес
social-hint = https:// менен башталган толук даректерди жазыңыз: social: [https://t.me/ngo, https://facebook.com/ngo]
picture-failed = сайттын сүрөтүн (белгисин же социалдык тармактар үчүн сүрөтүн) тартуу мүмкүн болгон жок: { $detail }

## Издөө
search-hint = ар бир тилде издөө барагы болушу үчүн `search: true` деп жазыңыз же сапты өчүрүңүз
search-not-built = jarya'нын бул нускасы издөөсүз түзүлгөн
search-not-built-hint = jarya'ны долбоордун чыгарылыштар барагынан жүктөп алыңыз (анда издөө бар) же `search: true` сабын өчүрүңүз
search-failed = издөө индексин түзүү мүмкүн болгон жок: { $detail }
origin-search-index = издөө индекси (/pagefind/ папкасы)
help-arg-search = Издөө барактарын жана издөө индексин да түзүү (site.yaml ичиндеги `search: true` сыяктуу)

# import
import-legacy-doc = { $file } — эски Word файлы (.doc), jarya аны окуй албайт. Аны Word же LibreOffice менен ачып, .docx («Word документи») катары сактаңыз жана ошол файлды импорттоңуз
import-unsupported = { $file }: jarya .docx, .odt, .txt жана .md файлдарын импорттойт, .{ $ext } эмес
import-broken = { $file } документ катары окулбайт ({ $detail }). Аны Word же LibreOffice менен ачып, кайра сактаңыз
import-letters-lost = { $file } Windows-1251 («ANSI») коддоосунда сакталган, анда ң, ө, ү тамгалары жок: алардын ордуна «?» белгиси сакталып калган ({ $line }-сап: «{ $word }»). Аны Блокнотто ачып, «UTF-8» коддоосунда сактап (Файл > Сохранить как > Кодировка: UTF-8), жоголгон тамгаларды кайра жазып, кайра импорттоңуз
import-language-unknown = { $file }: тексттин тили так эмес (кыргызча упай { $ky }, орусча { $ru }; сөздөр: { $words }). Тилди көрсөтүңүз: --lang ru же --lang ky
import-header = jarya import менен { $file } файлынан импорттолду. Ар бир маанини текшериңиз (комментарийде кайдан алынганы жазылган), андан кийин `draft: true` өчүрүңүз.
import-from = тексттен: «{ $text }»
import-todo = текстте табылган жок: толтуруңуз
import-loose = текстте дагы бар, жанында аты жок: { $list }
import-written = { $path }: { $file } файлынан жазылды
import-encoding = { $file }: { $encoding } коддоосунда окулду
import-missing = { $path }: текстте табылган жок, толтуруңуз: { $fields }
import-new-organization = organizations.yaml файлында жок: { $name }. Аны organizers тизмесине кошуу үчүн адегенде ошол файлга кошуңуз (jarya import көчүрүп алууга боло турган жазууну чыгарды)
import-suggest = { $path }: текстте content/organizations.yaml тизмесинде жок уюмдар аталган. Ар бир аталышты текшериңиз, экинчи тилдеги аталышын жазыңыз, жазууларды content/organizations.yaml файлына коюңуз, андан кийин аларды organizers тизмесине кошуңуз:
import-other-name = экинчи тилдеги аталышы
import-next = Маанилерди жана алардын комментарийлерин текшериңиз, `draft: true` өчүрүңүз, андан кийин: jarya check
help-import = Word (.docx), LibreOffice (.odt) же жөнөкөй тексттеги (.txt, .md) пресс-релизден релиз жасоо: jarya import релиз.docx
help-arg-files = Импорттолуучу документтер
help-arg-import_lang = Релиздердин тили, ru же ky (демейки: тексттин сөздөрүнөн аныкталат; так болбосо, jarya аны сурайт)
help-arg-dry_run = Релиз файлдарын жазбай, экранга чыгаруу
