// Python.h's pyconfig.h defines _GNU_SOURCE/_XOPEN_SOURCE, which renames fields of libc structs
// (fd_set's fds_bits). Including the libc headers first, as Swift's own Glibc and Dispatch modules
// see them, keeps one definition of each struct when Foundation is imported beside CPython.
#include <sys/select.h>
#include <sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <time.h>
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>
