#!/usr/bin/env python3
"""Generates Sources/PlanParser/Input/LegacyCodePages.swift, the tables of LegacyEncoding.

    python3 scripts/make-legacy-tables.py           # rewrite the Swift file
    python3 scripts/make-legacy-tables.py --check   # exit 1 if it is out of date

Sources, each checked against a second one:
- Windows-1258: Python's 'cp1258' codec (Microsoft's mapping, bestfit1258 / unicode.org).
- TCVN3 (TCVN 5712:1993 VN3, the "ABC" fonts .VnTime): bytes 0xA0-0xFF from glibc iconv's
  TCVN5712-1 (VN1, a superset of VN3 in that range); the 67 lowercase letters and 7 capitals
  of VN3 are checked against the table below, transcribed from the public converters
  backupvietsoft/HRM ConvertVNI/XtraForm1.cs and duydev/vietnamese-conversion src/charsets.ts.
  Bytes 0x80-0x9F are Windows-1252: TCVN3 text saved as "ANSI" by Windows keeps Word's
  smart quotes and dashes there, and VN3 puts no letters there.
- VNI-Windows: a base letter followed by a modifier byte; the table below is transcribed
  from lamdao/xvnkb vni.h and checked against duydev/vietnamese-conversion src/charsets.ts.
  Bytes that are not part of a VNI letter are Windows-1252, the code page VNI text is saved in.
"""
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Sources', 'PlanParser', 'Input', 'LegacyCodePages.swift')

# VN3 letters as (byte, letter): from the two converters named above.
TCVN3_LETTERS = dict(zip(
    'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦',
    'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ'))

# VNI: for each vowel, the forms (no tone, sắc, huyền, hỏi, ngã, nặng) as VNI strings in
# Windows-1252 characters (from xvnkb vni.h); the same with capitals.
VNI_ROWS = {
    'a': ['a', 'aù', 'aø', 'aû', 'aõ', 'aï'], 'â': ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä'],
    'ă': ['aê', 'aé', 'aè', 'aú', 'aü', 'aë'], 'e': ['e', 'eù', 'eø', 'eû', 'eõ', 'eï'],
    'ê': ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä'], 'o': ['o', 'où', 'oø', 'oû', 'oõ', 'oï'],
    'ô': ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä'], 'ơ': ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï'],
    'u': ['u', 'uù', 'uø', 'uû', 'uõ', 'uï'], 'ư': ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï'],
    'i': ['i', 'í', 'ì', 'æ', 'ó', 'ò'], 'y': ['y', 'yù', 'yø', 'yû', 'yõ', 'î'],
}
VNI_D = ('ñ', 'Ñ')  # đ, Đ
TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']

# duydev/vietnamese-conversion: the same letters, another order (cross-check).
DUYDEV = {
    'À': 'AØ', 'Á': 'AÙ', 'Â': 'AÂ', 'Ã': 'AÕ', 'È': 'EØ', 'É': 'EÙ', 'Ê': 'EÂ', 'Ì': 'Ì', 'Í': 'Í', 'Ò': 'OØ',
    'Ó': 'OÙ', 'Ô': 'OÂ', 'Õ': 'OÕ', 'Ù': 'UØ', 'Ú': 'UÙ', 'Ý': 'YÙ', 'Ă': 'AÊ', 'Đ': 'Ñ', 'Ĩ': 'Ó', 'Ũ': 'UÕ',
    'Ơ': 'Ô', 'Ư': 'Ö', 'Ạ': 'AÏ', 'Ả': 'AÛ', 'Ấ': 'AÁ', 'Ầ': 'AÀ', 'Ẩ': 'AÅ', 'Ẫ': 'AÃ', 'Ậ': 'AÄ', 'Ắ': 'AÉ',
    'Ằ': 'AÈ', 'Ẳ': 'AÚ', 'Ẵ': 'AÜ', 'Ặ': 'AË', 'Ẹ': 'EÏ', 'Ẻ': 'EÛ', 'Ẽ': 'EÕ', 'Ế': 'EÁ', 'Ề': 'EÀ', 'Ể': 'EÅ',
    'Ễ': 'EÃ', 'Ệ': 'EÄ', 'Ỉ': 'Æ', 'Ị': 'Ò', 'Ọ': 'OÏ', 'Ỏ': 'OÛ', 'Ố': 'OÁ', 'Ồ': 'OÀ', 'Ổ': 'OÅ', 'Ỗ': 'OÃ',
    'Ộ': 'OÄ', 'Ớ': 'ÔÙ', 'Ờ': 'ÔØ', 'Ở': 'ÔÛ', 'Ỡ': 'ÔÕ', 'Ợ': 'ÔÏ', 'Ụ': 'UÏ', 'Ủ': 'UÛ', 'Ứ': 'ÖÙ', 'Ừ': 'ÖØ',
    'Ử': 'ÖÛ', 'Ữ': 'ÖÕ', 'Ự': 'ÖÏ', 'Ỳ': 'YØ', 'Ỵ': 'Î', 'Ỷ': 'YÛ', 'Ỹ': 'YÕ',
}


def cp1252(b):
    try:
        return ord(bytes([b]).decode('cp1252'))
    except UnicodeDecodeError:
        return 0xFFFD


def cp1258_table():
    out = []
    for b in range(0x80, 0x100):
        try:
            out.append(ord(bytes([b]).decode('cp1258')))
        except UnicodeDecodeError:
            out.append(0xFFFD)
    return out


def tcvn3_table():
    out = [cp1252(b) for b in range(0x80, 0xA0)]
    for b in range(0xA0, 0x100):
        r = subprocess.run(['iconv', '-f', 'TCVN5712-1', '-t', 'UTF-32LE'], input=bytes([b]),
                           capture_output=True, check=True).stdout
        assert len(r) == 4, hex(b)
        out.append(int.from_bytes(r, 'little'))
    for ch, letter in TCVN3_LETTERS.items():
        assert out[ord(ch) - 0x80] == ord(letter), (hex(ord(ch)), letter)
    return out


def vni_tables():
    """(single-byte table for 0x80-0xFF, {(base, modifier): letter})."""
    single = [cp1252(b) for b in range(0x80, 0x100)]
    pairs = {}
    letters = {}
    for vowel, forms in VNI_ROWS.items():
        for tone, form in zip(TONES, forms):
            for case in (str.lower, str.upper):
                letter = unicodedata.normalize('NFC', case(vowel) + tone)
                code = case(form).encode('cp1252')
                letters[letter] = code
                if len(code) == 1:
                    if code[0] >= 0x80:
                        single[code[0] - 0x80] = ord(letter)
                else:
                    pairs[(code[0], code[1])] = ord(letter)
    for ch, code in zip('đĐ', VNI_D):
        letters[ch] = code.encode('cp1252')
        single[letters[ch][0] - 0x80] = ord(ch)
    for letter, code in DUYDEV.items():
        assert letters[letter] == code.encode('cp1252'), letter
        assert letters[letter.lower()] == code.lower().encode('cp1252'), letter.lower()
    assert len([l for l in letters if not l.isascii()]) == 134
    return single, pairs


def swift_array(values, per_line=8):
    lines = []
    for k in range(0, len(values), per_line):
        lines.append('        ' + ', '.join(f'0x{v:04X}' for v in values[k:k + per_line]) + ',')
    return '\n'.join(lines)


def render():
    vni_single, vni_pairs = vni_tables()
    pairs = sorted(vni_pairs.items())
    pair_lines = '\n'.join(f'        (0x{a:02X}, 0x{b:02X}, 0x{v:04X}),  // {chr(v)}' for (a, b), v in pairs)
    return f'''// Generated by scripts/make-legacy-tables.py — do not edit; rerun the script instead.

/// The code tables of `LegacyEncoding`: Unicode scalars for the bytes 0x80–0xFF (bytes below
/// 0x80 are ASCII in all three), and the two-byte letters of VNI.
///
/// Sources (see the script): Windows-1258 from Python's `cp1258` codec; TCVN3 from glibc's
/// TCVN5712-1 for 0xA0–0xFF, checked against two public TCVN3 converters, and Windows-1252
/// for 0x80–0x9F; VNI-Windows from xvnkb's `vni.h`, checked against
/// duydev/vietnamese-conversion, over Windows-1252. Undefined bytes are U+FFFD.
enum LegacyCodePages {{
    /// Windows-1258, 0x80–0xFF. 0xCC, 0xEC, 0xD2, 0xDE and 0xF2 are combining tone marks.
    static let cp1258: [UInt16] = [
{swift_array(cp1258_table())}
    ]

    /// TCVN3 (VN3 / ABC), 0x80–0xFF. 0xB0–0xB4 are combining tone marks.
    static let tcvn3: [UInt16] = [
{swift_array(tcvn3_table())}
    ]

    /// VNI-Windows, 0x80–0xFF, for a byte that is not part of a two-byte letter.
    static let vniSingle: [UInt16] = [
{swift_array(vni_single)}
    ]

    /// VNI-Windows letters of two bytes: (base, modifier, letter).
    static let vniPairs: [(UInt8, UInt8, UInt16)] = [
{pair_lines}
    ]
}}
'''


def main():
    text = render()
    if '--check' in sys.argv:
        with open(OUT, encoding='utf-8') as f:
            if f.read() != text:
                print(f'{OUT} is out of date: run scripts/make-legacy-tables.py', file=sys.stderr)
                sys.exit(1)
        return
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'wrote {OUT}')


if __name__ == '__main__':
    main()
