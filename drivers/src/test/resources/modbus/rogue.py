#!/usr/bin/python3
"""A Modbus RTU slave written by hand, to misbehave on purpose and to pace replies like a real line.

  rogue.py DEVICE UNITS [--baud N] [--pace]

UNITS: comma-separated unit ids it answers for. Function 3 and 4 only; register n holds the value n
(so register 7 reads 7). Other functions get exception 1, addresses from 1000 on exception 2.
--pace: a socat pty delivers bytes at once, whatever the baud; with --pace each reply is held back
for the time the request and the reply would take on a real line at N baud (11 bits a byte), so a
master sees the wire-time limit.

Prints "ready", then takes commands on stdin, one per line, each answered "ok":
  mode normal        correct replies
  mode crc           the reply's last CRC byte flipped
  mode garbage       noise before each reply, and more noise 30 ms after it (between frames)
  mode wrong-unit    the reply comes from the next unit id (correct CRC)
  mode echo          the request is sent back before the reply (an echoing 2-wire adapter)
  mode silent        no reply at all
"""
import os
import select
import sys
import threading
import time


def crc16(data):
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return bytes([crc & 0xFF, crc >> 8])


def frame(body):
    return body + crc16(body)


class Slave:
    def __init__(self, fd, units, baud, pace):
        self.fd, self.units, self.baud, self.pace = fd, units, baud, pace
        self.mode = "normal"

    def reply(self, request):
        unit, fc = request[0], request[1]
        address = int.from_bytes(request[2:4], "big")
        count = int.from_bytes(request[4:6], "big")
        if fc not in (3, 4):
            return frame(bytes([unit, fc | 0x80, 1]))
        if address + count > 1000 or not 1 <= count <= 125:
            return frame(bytes([unit, fc | 0x80, 2]))
        data = b"".join((address + i).to_bytes(2, "big") for i in range(count))
        return frame(bytes([unit, fc, len(data)]) + data)

    def answer(self, request):
        mode = self.mode
        if mode == "silent":
            return
        out = self.reply(request)
        if mode == "crc":
            out = out[:-1] + bytes([out[-1] ^ 0xFF])
        elif mode == "wrong-unit":
            out = frame(bytes([(out[0] % 247) + 1]) + out[1:-2])
        elif mode == "echo":
            out = request + out
        elif mode == "garbage":
            out = b"\x00\xff\x13\x37" + out
        if self.pace:
            time.sleep((len(request) + len(out)) * 11 / self.baud)
        os.write(self.fd, out)
        if mode == "garbage":
            time.sleep(0.03)
            os.write(self.fd, b"\xaa\x55")

    def serve(self):
        buf = b""
        while True:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if not ready:
                buf = b""  # silence ends any partial frame
                continue
            buf += os.read(self.fd, 256)
            while len(buf) >= 8:
                if crc16(buf[:6]) != buf[6:8]:
                    buf = buf[1:]
                    continue
                request, buf = buf[:8], buf[8:]
                if request[0] in self.units:
                    self.answer(request)


def control(slave):
    for line in sys.stdin:
        cmd = line.split()
        if len(cmd) == 2 and cmd[0] == "mode":
            slave.mode = cmd[1]
        print("ok", flush=True)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    device, units = argv[0], {int(u) for u in argv[1].split(",")}
    baud = int(argv[argv.index("--baud") + 1]) if "--baud" in argv else 9600
    fd = os.open(device, os.O_RDWR | os.O_NOCTTY)
    slave = Slave(fd, units, baud, "--pace" in argv)
    threading.Thread(target=control, args=(slave,), daemon=True).start()
    print("ready", flush=True)
    slave.serve()


if __name__ == "__main__":
    main(sys.argv[1:])
