// A quick prototype that shipped: the key is in the code and every answer is paid again.
const express = require('express');
const { OpenAI } = require('openai');

const openai = new OpenAI({ apiKey: 'sk-proj-R4nd0mL00k1ngK3yF0rTh3Ex4mpl3Pr0j3ctQ9zW', timeout: 15000 });
const app = express();
app.use(express.json());

app.post('/suggest', async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `Suggest three names for a ${req.body.kind} shop.` }],
  });
  res.json({ names: completion.choices[0].message.content });
});

app.listen(3002);
