"""Nightly job: embeds every product description one request at a time and summarises reviews in a loop."""
import json

import requests
from openai import OpenAI

client = OpenAI(timeout=60.0, max_retries=3)


def load_products():
    with open("products.json") as f:
        return json.load(f)


def similarity_matrix(products):
    # Embeddings are computed on every run and thrown away after the comparison.
    vectors = []
    for p in products:
        e = client.embeddings.create(model="text-embedding-3-small", input=p["description"])
        vectors.append(e.data[0].embedding)
    return [[sum(a * b for a, b in zip(u, v)) for v in vectors] for u in vectors]


def summarise_reviews(products):
    out = {}
    for p in products:
        r = client.chat.completions.create(
            model="gpt-4o-mini",
            max_tokens=120,
            messages=[{"role": "user", "content": "Summarise these reviews in one sentence: " + p["reviews"]}],
        )
        out[p["sku"]] = r.choices[0].message.content
    with open("summaries.json", "w") as f:
        json.dump(out, f)


def moderation_check(text):
    # Raw HTTP to the API without a timeout.
    r = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": "Bearer " + open(".key").read().strip()},
        json={"model": "gpt-4o-mini", "max_tokens": 5, "messages": [{"role": "user", "content": text}]},
    )
    return r.json()


if __name__ == "__main__":
    products = load_products()
    print(similarity_matrix(products)[0][:5])
    summarise_reviews(products)
