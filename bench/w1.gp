# W1 reference: the bundled chart "exports-growth" drawn with gnuplot.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   gnuplot -e "fmt='png'; out='OUT.png'" bench/w1.gp   (1920 × 1080 pixels)
#   gnuplot -e "fmt='pdf'; out='OUT.pdf'" bench/w1.gp   (768 × 480 points)
#
# The same figure as `karavan --chart=exports-growth --lang=en`: title and
# subtitle, the two points joined by a dashed line (no data in between)
# with value labels, the y grid, the y title, the growth label, the four
# event markers with their short labels, the chart's note, the dashed-line
# footnote and the source line. The numbers are the dataset's; bench/run
# checks them against `karavan --csv` before timing.

if (fmt eq 'pdf') {
  set terminal pdfcairo size 768/72.0, 480/72.0 font "Sans,9" linewidth 1
  small = ",7"
  big = "{/:Bold=13 "
} else {
  set terminal pngcairo size 1920,1080 font "Sans,14" linewidth 2
  small = ",11"
  big = "{/:Bold=20 "
}
set output out
set encoding utf8

set label 11 big . "Vehicle exports from China to Kazakhstan}" at screen 0.01, screen 0.965
set label 12 "As stated in the article: 2020 and 2024" at screen 0.01, screen 0.93 tc rgb "#444444"
set tmargin 6
set bmargin 9
set lmargin 12
set rmargin 3
set border 1 lc rgb "#555555"
set xtics nomirror ("2020" 2020, "2021" 2021, "2022" 2022, "2023" 2023, "2024" 2024) textcolor rgb "#444444"
set ytics nomirror ("0" 0) textcolor rgb "#444444"
set for [i=1:13] ytics add (sprintf("%d,000", i * 10) i * 10000)
set grid ytics lc rgb "#e5e5e5" lt 1
set ylabel "vehicles"
set xrange [2019.38:2024.35]
set yrange [0:130000]

# Timeline events: vertical dashed markers with their short labels.
set arrow 1 from 2022, graph 0 to 2022, graph 1 nohead dt 2 lc rgb "#d55e00"
set arrow 2 from 2022, graph 0 to 2022, graph 1 nohead dt 2 lc rgb "#56b4e9"
set arrow 3 from 2023.86, graph 0 to 2023.86, graph 1 nohead dt 2 lc rgb "#56b4e9"
set arrow 4 from 2024, graph 0 to 2024, graph 1 nohead dt 2 lc rgb "#56b4e9"
set label 1 "Visa-free 14 days" at 2022.01, graph 0.98 tc rgb "#2b6f99"
set label 2 "Memoranda, plant" at 2022.01, graph 0.94 tc rgb "#b34700"
set label 3 "Visa-free 30 days" at 2023.87, graph 0.94 tc rgb "#2b6f99"
set label 4 "Year of Tourism" at 2024.01, graph 0.90 tc rgb "#2b6f99"

# Computed growth, value labels, footnotes.
set label 5 "×16.7 from 2020 to 2024\n102% a year on average\n(computed)" at graph 0.01, graph 0.97
set label 6 "{/:Bold 7,439}" at 2020, 7439 center offset 0,1.2
set label 7 "{/:Bold 124,234}" at 2024, 124234 center offset 0,1.2
set label 8 "The article gives only two years; 2021–2023 are not shown because there is no data. The article's source [8, 9] cannot be resolved, and no other source confirms the numbers." at screen 0.01, screen 0.095 font small tc rgb "#444444"
set label 9 "Dashed segments join years with no data between them. Growth figures are computed by Karavan from the data shown." at screen 0.01, screen 0.07 font small tc rgb "#444444"
set label 10 "Source: Siyao Liu, A.E. Serikkaliyeva. Cultural integration and consumer confidence: insights from Chinese automobile manufacturers in Kazakhstan. Series “Mezhdunarodnye otnosheniya i regionovedenie”\n(International Relations and Regional Studies), no. 3 (61), 2025, p. 124. Grant AP27510281." at screen 0.01, screen 0.045 font small tc rgb "#444444"

set style line 1 lc rgb "#0072b2" lw 2.5 dt 2 pt 7 ps 1.2
plot '-' using 1:2 with linespoints ls 1 notitle
2020 7439
2024 124234
e
