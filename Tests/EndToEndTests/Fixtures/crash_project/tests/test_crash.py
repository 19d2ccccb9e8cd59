import ctypes
import os

import app


def test_first():
    assert app.compute(1) == 2


def test_second():
    assert app.compute(2) == 3


def test_os_exit():
    app.compute(3)
    os._exit(7)


def test_segfault():
    app.compute(4)
    ctypes.string_at(0)


def test_blocks():
    app.compute(5)
    import time
    time.sleep(60)  # killed by the test long before this ends
