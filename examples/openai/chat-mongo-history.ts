// Chat service that keeps every conversation turn in MongoDB: no TTL index, no lookup before calling,
// and a client without a timeout.
import express from 'express';
import { MongoClient } from 'mongodb';
import OpenAI from 'openai';

const openai = new OpenAI();
const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
const turns = mongo.db('assistant').collection('turns');
const app = express();
app.use(express.json());

async function saveTurn(userId: string, question: string, answer: string) {
  await turns.insertOne({ userId, question, answer, createdAt: new Date() });
}

app.post('/api/conversations/:id/messages', async (req, res) => {
  const { question } = req.body;
  const response = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_completion_tokens: 800,
    messages: [
      { role: 'system', content: 'You are a travel planner. Suggest itineraries with day-by-day plans.' },
      { role: 'user', content: question },
    ],
  });
  const answer = response.choices[0]?.message.content ?? '';
  await saveTurn(req.params.id, question, answer);
  res.json({ answer });
});

// Product descriptions generated on demand with the Responses API, streamed to the client and dropped.
app.get('/api/products/:sku/description', async (req, res) => {
  const stream = await openai.responses.create({
    model: 'gpt-4.1-mini',
    input: `Write a two-paragraph product description for SKU ${req.params.sku}.`,
    stream: true,
  });
  for await (const event of stream) if (event.type === 'response.output_text.delta') res.write(event.delta);
  res.end();
});

app.listen(3001);
