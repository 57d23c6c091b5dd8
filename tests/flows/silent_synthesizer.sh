#!/bin/sh
# Stands in for espeak-ng in the monkey's CI run (tests/flows/monkey_test.cpp): the speech
# service runs it as it runs `espeak-ng --stdout` — the text on stdin, a WAV expected on stdout —
# and plays what it answers. It reads the text and keeps nothing of it, and answers with a WAV of
# 20 silent samples (16-bit mono, 22 050 Hz). Only shell built-ins: one small process per text,
# about a tenth of what espeak-ng costs for a screen's words.
while read -r line; do :; done
printf 'RIFF\114\000\000\000WAVEfmt \020\000\000\000\001\000\001\000\042\126\000\000\104\254\000\000\002\000\020\000data\050\000\000\000'
printf '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'
