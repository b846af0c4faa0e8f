# W2 reference: SERIES random walks drawn with gnuplot.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   gnuplot -e "data='DATA.dat'; n=SERIES; points=POINTS; out='OUT.png'" bench/w2.gp
#
# DATA.dat is written by `bench/gen-dataset --columns` (x y1 … yN, one row
# per x): the same numbers as the XML file Karavan reads. 1920 × 1080
# pixels, a title, axis titles, a y grid and a legend, as Karavan draws it.

set terminal pngcairo size 1920,1080 font "Sans,14" linewidth 2
set output out
set label 1 sprintf("{/:Bold=20 %d random walks of %d points}", n, points) at screen 0.01, screen 0.965
set tmargin 5
set border 3 lc rgb "#555555"
set xtics nomirror textcolor rgb "#444444"
set ytics nomirror textcolor rgb "#444444"
set grid ytics lc rgb "#e5e5e5" lt 1
set xlabel "step"
set ylabel "value"
set xrange [0:points - 1]
set key at screen 0.01, screen 0.93 left top horizontal maxrows 1 samplen 2
plot for [i=2:n + 1] data using 1:i with lines lw 2 title sprintf("Series %d", i - 1)
