#!/usr/bin/env python3
"""Writes samples/encodings/: sample plans saved the way Vietnamese Windows saves plain text.

    scripts/make-encoding-samples.py          # write the files
    scripts/make-encoding-samples.py --check  # exit 1 when they are not up to date

Windows-1258 (cp1258) has some Vietnamese letters as one byte and writes the tone of the
others as a combining mark after the letter; Python's codec takes a letter only when the code
page has it, so letters it lacks are written as base letter (with its shape mark: ă â ê ô ơ ư)
plus the tone mark. The files end in `.text`, not `.txt`: they are not UTF-8, and the golden
tests read every `samples/**/*.txt` as UTF-8.
"""
import os, sys, unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SHAPES = {'\u0302', '\u0306', '\u031b'}  # circumflex, breve, horn: part of the letter's shape


def cp1258(text):
    out = []
    for ch in text:
        try:
            out.append(ch.encode('cp1258'))
        except UnicodeEncodeError:
            d = unicodedata.normalize('NFD', ch)
            base = ''.join(c for c in d if not unicodedata.combining(c) or c in SHAPES)
            tones = ''.join(c for c in d if unicodedata.combining(c) and c not in SHAPES)
            out.append((unicodedata.normalize('NFC', base) + tones).encode('cp1258'))
    return b''.join(out)


def main():
    check = '--check' in sys.argv[1:]
    stale = 0
    for name in ['field-bullets', 'table-appendix']:
        text = open(os.path.join(ROOT, 'samples', name + '.txt'), encoding='utf-8').read()
        target = os.path.join(ROOT, 'samples', 'encodings', name + '.cp1258.text')
        data = cp1258(text.replace('\n', '\r\n'))  # Windows line ends too
        if check:
            if not os.path.exists(target) or open(target, 'rb').read() != data:
                print('stale:', target)
                stale += 1
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            open(target, 'wb').write(data)
    sys.exit(1 if stale else 0)


if __name__ == '__main__':
    main()
