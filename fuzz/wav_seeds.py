#!/usr/bin/env python3
"""Writes the seed corpus of the WAV reader's fuzz target (fuzz/corpus/wav/): a few small files,
each showing the fuzzer one path through kiosk/services/wav.cpp. Run again only to change them.

  mono_16k.wav         plain 16-bit PCM, mono, 16 kHz: read
  stereo_list.wav      stereo 8 kHz with an odd-sized LIST chunk and its pad byte: read
  espeak_streamed.wav  espeak-ng's own header (placeholder sizes) and 1000 of its samples: read
                       as a stream, refused as a file
  extensible_cut.wav   WAVE_FORMAT_EXTENSIBLE 16-bit PCM, its data chunk cut short (the RIFF size
                       fits): refused at the data chunk
"""
import math
import os
import struct
import subprocess
import sys

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "wav")


def tone(rate, channels, seconds, amplitude=8000):
    frames = int(rate * seconds)
    values = []
    for i in range(frames):
        v = int(amplitude * math.sin(2 * math.pi * 440 * i / rate))
        values.extend([v] * channels)
    return struct.pack("<%dh" % len(values), *values)


def chunk(tag, body):
    return tag + struct.pack("<I", len(body)) + body + (b"\0" if len(body) % 2 else b"")


def fmt(rate, channels, extensible=False):
    block = 2 * channels
    if not extensible:
        return chunk(b"fmt ", struct.pack("<HHIIHH", 1, channels, rate, rate * block, block, 16))
    pcm = bytes([1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71])
    body = struct.pack("<HHIIHHHHI", 0xFFFE, channels, rate, rate * block, block, 16, 22, 16, 4) + pcm
    return chunk(b"fmt ", body)


def riff(*chunks):
    body = b"WAVE" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    print(name, len(data), "bytes")


os.makedirs(out, exist_ok=True)
write("mono_16k.wav", riff(fmt(16000, 1), chunk(b"data", tone(16000, 1, 0.03))))
write("stereo_list.wav", riff(fmt(8000, 2), chunk(b"LIST", b"INFOabc"), chunk(b"data", tone(8000, 2, 0.02))))

spoken = subprocess.run(["espeak-ng", "--stdout", "-b", "1", "-v", "da", "-s", "160"], input=b"hej",
                        stdout=subprocess.PIPE, check=True).stdout
header = spoken[:44]
if header[36:40] != b"data":
    sys.exit("espeak-ng's header is not the 44-byte one this expects")
middle = 44 + (((len(spoken) - 44) // 2) & ~1)
write("espeak_streamed.wav", header + spoken[middle:middle + 2000])

# The RIFF size is the file's own, so the reader gets past it and the fmt chunk to the data.
cut = riff(fmt(22050, 1, extensible=True), chunk(b"data", tone(22050, 1, 0.02)))[:-100]
write("extensible_cut.wav", cut[:4] + struct.pack("<I", len(cut) - 8) + cut[8:])
