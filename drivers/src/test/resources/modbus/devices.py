#!/usr/bin/python3
"""Emulated Modbus slaves served by Debian's python3-pymodbus (3.0), for the modbus driver's tests.

  devices.py --rtu DEVICE [--baud N] UNIT:KIND [UNIT:KIND ...]   one RTU bus, several unit ids
  devices.py --tcp PORT UNIT:KIND [UNIT:KIND ...]                 a TCP slave on 127.0.0.1:PORT

KIND is sdm630 (Eastron energy meter: float32 ABCD input registers), xymd02 (temperature and
humidity probe: int16 x10 input registers 1 and 2) or orders (the float32 123.456 and other known
values in holding registers, in every byte order; coils and discrete inputs with known bits).
Addresses are 0-based protocol addresses (zero_mode=True: without it pymodbus shifts them by one).
Reading past a device's registers gets exception 2 (illegal data address).

Prints "ready" once serving. Commands on stdin, one per line, each answered "ok":
  off UNIT   the unit stops answering (a dead slave: silence on the bus, as when it loses power)
  on UNIT    it answers again
"""
import asyncio
import logging
import struct
import sys
import threading

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncSerialServer, StartAsyncTcpServer
from pymodbus.transaction import ModbusRtuFramer, ModbusSocketFramer

SDM630 = {0x00: 230.5, 0x06: 5.25, 0x0C: 1210.125, 0x46: 50.0, 0x156: 12345.5}
XYMD02 = {1: -52, 2: 456}  # -5.2 degC, 45.6 %RH


def words(fmt, value):
    raw = struct.pack(">" + fmt, value)
    return [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]


def block(size, values):
    regs = [0] * size
    for address, ws in values.items():
        regs[address:address + len(ws)] = ws
    return ModbusSequentialDataBlock(0, regs)


def sdm630():
    ir = block(0x158, {a: words("f", v) for a, v in SDM630.items()})
    return ModbusSlaveContext(ir=ir, hr=block(4, {}), co=block(8, {}), di=block(8, {}), zero_mode=True)


def xymd02():
    ir = block(3, {a: words("h", v) for a, v in XYMD02.items()})
    return ModbusSlaveContext(ir=ir, hr=block(0x103, {0x101: [2], 0x102: [1]}), co=block(8, {}),
                              di=block(8, {}), zero_mode=True)


def swap_bytes(ws):
    return [((w & 0xFF) << 8) | (w >> 8) for w in ws]


def orders():
    """Holding registers: float32 123.456 = 42 F6 E9 79 at 0 (ABCD), 2 (CDAB), 4 (BADC), 6 (DCBA);
    int32 -123456 = FF FE 1D C0 at 10 (ABCD) and 12 (CDAB); int64 -1234567890123 = FF FF FE E0 8E
    04 FB 35 at 20 (ABCD) and 24 (DCBA); float64 -2.5e-3 at 30 (ABCD) and 34 (CDAB); uint16 65535 at
    40, int16 -2 at 41, uint32 4000000000 at 42; 0x8001 at 44 (bits 0 and 15 set).
    Coils: 1 0 1 1 0 0 0 0 0 1 from 0; discrete inputs: 0 1 from 0."""
    f = words("f", 123.456)
    i32 = words("i", -123456)
    i64 = words("q", -1234567890123)
    f64 = words("d", -2.5e-3)
    hr = block(48, {0: f, 2: f[::-1], 4: swap_bytes(f), 6: swap_bytes(f[::-1]),
                    10: i32, 12: i32[::-1], 20: i64, 24: swap_bytes(i64[::-1]), 30: f64, 34: f64[::-1],
                    40: [65535], 41: words("h", -2), 42: words("I", 4000000000), 44: [0x8001]})
    co = ModbusSequentialDataBlock(0, [1, 0, 1, 1, 0, 0, 0, 0, 0, 1] + [0] * 22)
    di = ModbusSequentialDataBlock(0, [0, 1] + [0] * 14)
    return ModbusSlaveContext(hr=hr, ir=block(2, {}), co=co, di=di, zero_mode=True)


KINDS = {"sdm630": sdm630, "xymd02": xymd02, "orders": orders}


def control(context, parked):
    for line in sys.stdin:
        cmd = line.split()
        if len(cmd) == 2 and cmd[0] in ("off", "on"):
            unit = int(cmd[1])
            if cmd[0] == "off" and unit in context:
                parked[unit] = context[unit]
                del context[unit]
            elif cmd[0] == "on" and unit in parked:
                context[unit] = parked.pop(unit)
            print("ok", flush=True)


async def main(argv):
    if len(argv) < 3 or argv[0] not in ("--rtu", "--tcp"):
        sys.exit(__doc__)
    mode, where, rest = argv[0], argv[1], argv[2:]
    baud = 9600
    if rest[:1] == ["--baud"]:
        baud, rest = int(rest[1]), rest[2:]
    slaves = {}
    for spec in rest:
        unit, kind = spec.split(":")
        slaves[int(unit)] = KINDS[kind]()
    context = ModbusServerContext(slaves=slaves, single=False)
    threading.Thread(target=control, args=(context, {}), daemon=True).start()
    if mode == "--rtu":
        server = await StartAsyncSerialServer(context=context, framer=ModbusRtuFramer, port=where, baudrate=baud,
                                              ignore_missing_slaves=True, defer_start=True)
        await server.start()
        print("ready", flush=True)
        await server.serve_forever()
    else:
        server = await StartAsyncTcpServer(context=context, framer=ModbusSocketFramer,
                                           address=("127.0.0.1", int(where)), ignore_missing_slaves=True,
                                           defer_start=True)
        print("ready", flush=True)
        await server.serve_forever()


if __name__ == "__main__":
    logging.getLogger().setLevel(logging.CRITICAL)  # pymodbus configures the root logger at import
    asyncio.run(main(sys.argv[1:]))
