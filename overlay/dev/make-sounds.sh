#!/bin/sh
# Regenerates overlay/public/sounds/toasty.ogg (a high, quick voice saying "Toasty!") with espeak-ng and sox.
# apt-get install -y espeak-ng sox
set -e
cd "$(dirname "$0")/../public/sounds"
espeak-ng -v en+f3 -p 99 -s 150 -a 180 -w /tmp/toasty-raw.wav "Toasty!"
sox /tmp/toasty-raw.wav -r 22050 -c 1 toasty.ogg pitch 500 tempo 1.1 reverb 20 gain -n -1
