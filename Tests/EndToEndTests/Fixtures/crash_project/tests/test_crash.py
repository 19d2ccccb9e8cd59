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


def test_swallows():
    app.compute(6)
    import time
    while True:
        try:
            time.sleep(60)
        except BaseException:  # ignores Ctrl-C, SIGTERM and the timeout alike
            pass


def test_threads():
    import threading
    results = []
    workers = [threading.Thread(target=lambda: results.append(app.compute(10))) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results == [11, 11, 11]


def test_children():
    import multiprocessing
    import subprocess
    import sys
    with multiprocessing.get_context("fork").Pool(2) as pool:
        assert pool.map(app.compute, [20, 21, 22]) == [21, 22, 23]
    subprocess.run([sys.executable, "-c", "import app; app.compute(30)"], check=True)
