# A service: the numeric core converts (P1); the handler parses a str literal and logs (4,6,12).
import json
import logging

import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(3)])


def predict_scores(features):  # expect: P1
    return tf.nn.softmax(model(features))


def handle_request(body):  # expect: fail=4,6,12
    payload = json.loads(body)
    scores = predict_scores(tf.constant([payload["features"]]))
    logging.info("served one request")
    return scores


handle_request('{"features": [0.1, 0.2]}')
