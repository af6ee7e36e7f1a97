#!/usr/bin/env python3
"""Makes the zip archives and raw DEFLATE streams in Tests/PlanParserTests/Zip/Fixtures.

    python3 scripts/make-zip-fixtures.py

Every fixture is made by an independent tool — Python's zipfile and zlib, Info-ZIP's zip —
so the Swift reader is tested against real encoders, not against itself. Needs python3 and
Info-ZIP `zip` (for data descriptors from a pipe, ZIP64 with -fz and encryption with -P).
Everything except encrypted.zip (random encryption header) comes out byte-identical on
every run.
"""
import io
import os
import random
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Tests', 'PlanParserTests', 'Zip', 'Fixtures')
DATE = (2024, 1, 15, 8, 30, 0)


def text_source():
    """About 64 KB of WordprocessingML-like XML with Vietnamese text (deterministic)."""
    rng = random.Random(1258)
    words = ('Kế hoạch cải cách hành chính năm 2024 của Sở Tài nguyên và Môi trường; '
             'Đơn vị chủ trì: Văn phòng Sở; phối hợp: các phòng, đơn vị thuộc Sở; '
             'Ủy ban nhân dân tỉnh; thời gian thực hiện: Quý I/2024; sản phẩm: Báo cáo').split()
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>']
    size = 0
    i = 0
    while size < 64 * 1024:
        sentence = ' '.join(rng.choice(words) for _ in range(rng.randint(4, 18)))
        p = f'<w:p w:rsidR="00{i % 97:02X}1F2E"><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{i}. {sentence}</w:t></w:r></w:p>\n'
        parts.append(p)
        size += len(p.encode())
        i += 1
    parts.append('</w:body></w:document>\n')
    return ''.join(parts).encode()


def random_source(n=16 * 1024):
    rng = random.Random(32768)
    return bytes(rng.getrandbits(8) for _ in range(n))


def info(name, method=zipfile.ZIP_DEFLATED):
    zi = zipfile.ZipInfo(name, DATE)
    zi.compress_type = method
    zi.external_attr = 0o644 << 16
    return zi


def write(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)


class Unseekable:
    """A write-only stream: zipfile then writes data descriptors (flag bit 3)."""

    def __init__(self):
        self.buffer = bytearray()

    def write(self, data):
        self.buffer += data
        return len(data)

    def flush(self):
        pass


def raw_deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY, wbits=-15, mem_level=8, flush_at=None):
    c = zlib.compressobj(level, zlib.DEFLATED, wbits, mem_level, strategy)
    if flush_at is None:
        return c.compress(data) + c.flush()
    out = bytearray()
    for k, mode in flush_at:
        out += c.compress(data[:k])
        data = data[k:]
        out += c.flush(mode)
    return bytes(out + c.compress(data) + c.flush())


def handmade_zip64(name, data):
    """A ZIP64 archive whose central header puts all three 32-bit fields in the extra field."""
    crc = zlib.crc32(data)
    nb = name.encode()
    local = struct.pack('<IHHHHHIIIHH', 0x04034B50, 45, 0, 0, 0, 0x21, crc, len(data), len(data), len(nb), 0) + nb
    extra = struct.pack('<HHQQQ', 0x0001, 24, len(data), len(data), 0)
    central = struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 45, 45, 0, 0, 0, 0x21, crc,
                          0xFFFFFFFF, 0xFFFFFFFF, len(nb), len(extra), 0, 0, 0, 0, 0xFFFFFFFF) + nb + extra
    cd_offset = len(local) + len(data)
    end64_offset = cd_offset + len(central)
    end64 = struct.pack('<IQHHIIQQQQ', 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(central), cd_offset)
    locator = struct.pack('<IIQI', 0x07064B50, 0, end64_offset, 1)
    end = struct.pack('<IHHHHIIH', 0x06054B50, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return local + data + central + end64 + locator + end


def main():
    os.makedirs(OUT, exist_ok=True)
    text = text_source()
    rand = random_source()
    write('text.xml', text)
    write('random.bin', rand)
    vietnamese = 'Kế hoạch cải cách hành chính năm 2024\nĐơn vị chủ trì: Ủy ban nhân dân\n'.encode()

    # Raw DEFLATE streams: stored-only, fixed, dynamic, Huffman-only, RLE, flushes, small window.
    streams = {
        'text.level0.deflate': raw_deflate(text, level=0),
        'text.level1.deflate': raw_deflate(text, level=1),
        'text.level6.deflate': raw_deflate(text, level=6),
        'text.level9.deflate': raw_deflate(text, level=9),
        'text.fixed.deflate': raw_deflate(text, strategy=zlib.Z_FIXED),
        'text.huffman.deflate': raw_deflate(text, strategy=zlib.Z_HUFFMAN_ONLY),
        'text.rle.deflate': raw_deflate(text, strategy=zlib.Z_RLE),
        'text.filtered.deflate': raw_deflate(text, strategy=zlib.Z_FILTERED),
        'text.memlevel1.deflate': raw_deflate(text, level=9, mem_level=1),
        'text.window9.deflate': raw_deflate(text, wbits=-9),
        'text.flushes.deflate': raw_deflate(text, flush_at=[(1000, zlib.Z_SYNC_FLUSH), (5000, zlib.Z_FULL_FLUSH),
                                                            (1, zlib.Z_SYNC_FLUSH)]),
        'random.level6.deflate': raw_deflate(rand),
        'random.fixed.deflate': raw_deflate(rand, strategy=zlib.Z_FIXED),
        'empty.deflate': raw_deflate(b''),
    }
    for name, data in streams.items():
        source = text if name.startswith('text') else rand if name.startswith('random') else b''
        assert zlib.decompress(data, -15) == source, name
        write(name, data)

    # stored.zip: method 0, a UTF-8 name.
    with zipfile.ZipFile(os.path.join(OUT, 'stored.zip'), 'w') as z:
        z.writestr(info('mimetype', zipfile.ZIP_STORED), b'application/vnd.oasis.opendocument.text')
        z.writestr(info('content.xml', zipfile.ZIP_STORED), text[:4000])
        z.writestr(info('tài liệu/kế hoạch.txt', zipfile.ZIP_STORED), vietnamese)

    # deflated.zip: an Office-like layout with an empty entry, a folder and random data.
    with zipfile.ZipFile(os.path.join(OUT, 'deflated.zip'), 'w') as z:
        z.writestr(info('[Content_Types].xml'), b'<?xml version="1.0"?><Types/>\n' * 3)
        z.writestr(info('word/'), b'')
        z.writestr(info('word/document.xml'), text)
        z.writestr(info('empty.txt'), b'')
        z.writestr(info('media/random.bin'), rand)

    # Data descriptors (flag bit 3): zipfile writing to a stream it cannot seek ...
    stream = Unseekable()
    with zipfile.ZipFile(stream, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(info('word/document.xml'), text)
        z.writestr(info('notes.txt'), vietnamese)
    write('descriptor-python.zip', bytes(stream.buffer))
    # ... and Info-ZIP reading stdin and writing to a pipe (entry "-").
    piped = subprocess.run('zip -q -X - - | cat', shell=True, input=vietnamese * 50,
                           capture_output=True, check=True).stdout
    write('descriptor-infozip.zip', piped)

    # ZIP64: zipfile's force_zip64 (64-bit sizes in the local header), Info-ZIP's -fz
    # (ZIP64 end record, locator and central extra field), and all three fields handmade.
    with zipfile.ZipFile(os.path.join(OUT, 'zip64-python.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
        with z.open(info('word/document.xml'), 'w', force_zip64=True) as f:
            f.write(text)
    work = tempfile.mkdtemp()
    try:
        path = os.path.join(work, 'ke-hoach.txt')
        with open(path, 'wb') as f:
            f.write(vietnamese * 20)
        os.utime(path, (1705307400, 1705307400))
        subprocess.run(['zip', '-q', '-X', '-fz', 'fz.zip', 'ke-hoach.txt'], cwd=work, check=True)
        shutil.copy(os.path.join(work, 'fz.zip'), os.path.join(OUT, 'zip64-infozip.zip'))
        # Encrypted (ZipCrypto), password "pw".
        subprocess.run(['zip', '-q', '-X', '-P', 'pw', 'enc.zip', 'ke-hoach.txt'], cwd=work, check=True)
        shutil.copy(os.path.join(work, 'enc.zip'), os.path.join(OUT, 'encrypted.zip'))
    finally:
        shutil.rmtree(work)
    handmade = handmade_zip64('big/part.bin', vietnamese)
    with zipfile.ZipFile(io.BytesIO(handmade)) as z:
        assert z.read('big/part.bin') == vietnamese and z.testzip() is None
    write('zip64-handmade.zip', handmade)

    # An archive comment; then one that holds a fake end record (whose comment length cannot
    # fit), which Python's zipfile and Info-ZIP's unzip both take for the real one.
    with zipfile.ZipFile(os.path.join(OUT, 'comment.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(info('a.txt'), vietnamese)
        z.comment = 'Kế hoạch năm 2024 — bản chính thức'.encode()
    with open(os.path.join(OUT, 'comment.zip'), 'rb') as f:
        plain = f.read()
    tricky = 'Kế hoạch PK'.encode() + b'\x05\x06' + b'x' * 30
    write('comment-signature.zip', plain[:-2 - len(z.comment)] + struct.pack('<H', len(tricky)) + tricky)

    # Bytes in front of the archive (a self-extractor stub): offsets are shifted.
    with open(os.path.join(OUT, 'deflated.zip'), 'rb') as f:
        write('prefixed.zip', b'#!/bin/sh\necho self-extracting stub\nexit 0\n' * 8 + f.read())

    # Methods we do not read: bzip2 (12) and LZMA (14).
    with zipfile.ZipFile(os.path.join(OUT, 'methods.zip'), 'w') as z:
        z.writestr(info('plain.txt', zipfile.ZIP_DEFLATED), vietnamese)
        z.writestr(info('bzip2.txt', zipfile.ZIP_BZIP2), vietnamese)
        z.writestr(info('lzma.txt', zipfile.ZIP_LZMA), vietnamese)

    for name in sorted(os.listdir(OUT)):
        if name.endswith('.zip') and name not in ('encrypted.zip', 'comment-signature.zip'):
            with zipfile.ZipFile(os.path.join(OUT, name)) as z:
                assert z.testzip() is None, name
        print(f'{os.path.getsize(os.path.join(OUT, name)):>8}  {name}')


if __name__ == '__main__':
    main()
