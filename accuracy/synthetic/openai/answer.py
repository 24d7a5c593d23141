# Synthetic corpus file for the accuracy harness's own test (written for this repository, not taken from anywhere).
import os

import redis
from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"], timeout=20)
cache = redis.Redis()


def answer(question: str) -> str:
    hit = cache.get(question)
    if hit is not None:
        return hit.decode()
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": question}],
    )
    text = reply.choices[0].message.content
    cache.set(question, text, ex=3600)
    return text
