#!/bin/sh
# Error messages are in the interface language, and the machine-readable
# FILE:LINE:COLUMN: error: prefix is the same in every language.
#   check-error-language.sh KARAVAN CORPUS_DIR
# For every file of the hostile-input corpus, `karavan --validate` with
# LANGUAGE=ru and LANGUAGE=kk (LANG=C.UTF-8) prints as many lines as in
# English, with the same prefixes and the same exit status; and a few
# messages (ours and libxml2's) are checked word for word.
karavan="$1"
corpus="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
status=0

ok () { n=$((n + 1)); echo "ok $n $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n $1"; status=1; }

validate () {
  # validate LANGUAGE FILE: stdout and stderr, then "exit N"
  if [ -n "$1" ]; then
    env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE="$1" "$karavan" --validate "$2" 2>&1
  else
    env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 "$karavan" --validate "$2" 2>&1
  fi
  echo "exit $?"
}

# The part before the message: FILE:LINE:COLUMN: error: (or FILE: ok).
prefixes () {
  sed -e 's/\(: error: \).*/\1/' "$1"
}

# English once per file.
mkdir "$tmp/en.d"
for f in "$corpus"/*.xml; do
  validate "" "$f" >"$tmp/en.d/$(basename "$f")"
done

for lang in ru kk; do
  files=0
  translated=0
  bad=""
  for f in "$corpus"/*.xml; do
    name=$(basename "$f")
    cp "$tmp/en.d/$name" "$tmp/en"
    validate "$lang" "$f" >"$tmp/$lang"
    files=$((files + 1))
    prefixes "$tmp/en" >"$tmp/en.prefix"
    prefixes "$tmp/$lang" >"$tmp/$lang.prefix"
    if ! cmp -s "$tmp/en.prefix" "$tmp/$lang.prefix"; then
      bad="$bad $name"
      echo "# $name: English and $lang differ outside the message:"
      diff "$tmp/en.prefix" "$tmp/$lang.prefix" | sed 's/^/#   /'
    fi
    if grep -q ': error: ' "$tmp/en" && ! cmp -s "$tmp/en" "$tmp/$lang"; then
      translated=$((translated + 1))
    fi
  done
  if [ -z "$bad" ]; then
    ok "LANGUAGE=$lang: $files files, the same FILE:LINE:COLUMN: error: prefixes and exit status as in English"
  else
    not_ok "LANGUAGE=$lang: prefixes or exit status differ for:$bad"
  fi
  # Nearly every broken file says something we translate.
  if [ "$translated" -ge 30 ]; then
    ok "LANGUAGE=$lang: $translated files have their messages translated"
  else
    not_ok "LANGUAGE=$lang: only $translated files have their messages translated"
  fi
done

# expect LANGUAGE FILE LINE: the output holds LINE exactly.
expect () {
  validate "$1" "$corpus/$2" >"$tmp/out"
  if grep -qxF "$corpus/$3" "$tmp/out"; then
    ok "LANGUAGE=$1 karavan --validate $2"
  else
    not_ok "LANGUAGE=$1 karavan --validate $2: expected “$corpus/$3”, got:"
    sed 's/^/#   /' "$tmp/out"
  fi
}

# Our own messages.
expect ru dangling-chart-series.xml 'dangling-chart-series.xml:15:32: error: диаграмма «line» не показывает ни одного ряда'
expect kk dangling-chart-series.xml 'dangling-chart-series.xml:15:32: error: «line» диаграммасы ешбір қатарды көрсетпейді'
expect ru bad-date.xml 'bad-date.xml:11:14: error: x «2023-02-30» — не дата вида 2024-07-03'
expect kk bad-date.xml 'bad-date.xml:11:14: error: x «2023-02-30» — 2024-07-03 сияқты күн емес'
expect ru decimal-comma.xml 'decimal-comma.xml:12:23: error: y: «12,5» — не число: отделяйте дробную часть точкой, а не запятой (12.5)'
expect kk decimal-comma.xml 'decimal-comma.xml:12:23: error: y: «12,5» — сан емес: бөлшек бөлігін үтірмен емес, нүктемен бөліңіз (12.5)'
# libxml2's, through our own wording of them.
expect ru unknown-element.xml 'unknown-element.xml:10:5: error: Элемент colour здесь не ожидался'
expect kk unknown-element.xml 'unknown-element.xml:10:5: error: Мұнда colour элементі күтілмеген'
expect ru mismatched-tags.xml 'mismatched-tags.xml:9:47: error: Открывающий и закрывающий теги не совпадают: definition (строка 9) и title'
expect kk mismatched-tags.xml 'mismatched-tags.xml:9:47: error: Ашатын және жабатын тегтер сәйкес емес: definition (9-жол) және title'
# English stays word for word what tests/corpus/expected.txt has.
expect "" unknown-element.xml 'unknown-element.xml:10:5: error: Did not expect element colour there'

# An export error, through the command line's "karavan: " prefix.
export_error () {
  env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE="$1" "$karavan" --chart=exports-growth \
    --width=30000 --height=100 --export="$tmp/out.png" 2>&1
}
for pair in "ru|karavan: размер 30000 × 100 вне допустимых пределов (от 1 до 20000)" \
            "kk|karavan: 30000 × 100 өлшемі рұқсат етілген шектен тыс (1-ден 20000-ға дейін)"; do
  lang=${pair%%|*}
  want=${pair#*|}
  got=$(export_error "$lang")
  if [ "$got" = "$want" ]; then
    ok "LANGUAGE=$lang: an export error is translated"
  else
    not_ok "LANGUAGE=$lang: an export error: expected “$want”, got “$got”"
  fi
done

# A lesson's error (karavan-handout.c), likewise.
slides_error () {
  env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE="$1" "$karavan" --lesson=story \
    --width=10 --height=10 --export="$tmp/slides/" 2>&1
}
for pair in "ru|karavan: слайд 10 × 10 пикселей вне допустимых пределов (от 16 до 20000)" \
            "kk|karavan: 10 × 10 пиксельдік слайд рұқсат етілген шектен тыс (16-дан 20000-ға дейін)"; do
  lang=${pair%%|*}
  want=${pair#*|}
  got=$(slides_error "$lang")
  if [ "$got" = "$want" ]; then
    ok "LANGUAGE=$lang: a lesson's error is translated"
  else
    not_ok "LANGUAGE=$lang: a lesson's error: expected “$want”, got “$got”"
  fi
done

echo "1..$n"
exit $status
