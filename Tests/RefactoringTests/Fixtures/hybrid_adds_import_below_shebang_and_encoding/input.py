#!/usr/bin/env python3
# -*- coding: latin-1 -*-
def step(x):
    return x * 2
