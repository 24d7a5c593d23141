"""FastAPI service that writes every model answer into the service's PostgreSQL database."""
import os

import psycopg2
from fastapi import FastAPI
from openai import OpenAI

app = FastAPI()
client = OpenAI(timeout=30.0)
conn = psycopg2.connect(os.environ["DATABASE_URL"])

SYSTEM = "You are a legal assistant. Summarise the clause for a non-lawyer."


def record_answer(question: str, answer: str) -> None:
    with conn.cursor() as cur:
        cur.execute("INSERT INTO answers (question, answer) VALUES (%s, %s)", (question, answer))
    conn.commit()


@app.post("/summaries")
def summarise(clause: str):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": clause},
        ],
    )
    text = completion.choices[0].message.content
    record_answer(clause, text)
    return {"summary": text}
