import { rule } from '../../../src/core/rules/llm-hardcoded-api-key';
import { ruleTester } from '../../helpers/rule-tester';

const KEY = 'sk-proj-Zq8tWm3nLx5vR7yB2cK9dF4hJ6pS1aQ0eXwYv';

ruleTester(rule, {
  valid: [
    // Test fixtures and placeholders are not secrets (gitleaks' practice: format, entropy, allow lists).
    {
      name: 'a fixture key named as one',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: 'sk-not-a-real-key-for-tests' });\n",
    },
    {
      name: 'a test-api-key value in a key property',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: 'test-api-key-0123456789abcdef' });\n",
    },
    {
      name: 'a key-shaped literal in a spec file',
      language: 'typescript',
      path: 'src/client.spec.ts',
      code: `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: '${KEY}' });\n`,
    },
    {
      name: 'a key-shaped literal in a Python test module',
      language: 'python',
      path: 'app/chat_test.py',
      code: `from openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\n`,
    },
    {
      name: 'a key-shaped literal under tests/',
      language: 'python',
      path: 'tests/conftest_data.py',
      code: `from openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\n`,
    },
    {
      name: 'a low-entropy key',
      language: 'python',
      code: 'from openai import OpenAI\nclient = OpenAI(api_key="sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")\n',
    },
    { name: 'your-key-here placeholder', language: 'python', code: 'import openai\nopenai.api_key = "sk-your-key-here-0000000000000000"\n' },
    { name: 'a redacted key', language: 'typescript', code: "const OPENAI_API_KEY = 'sk-proj-********************************';\n" },
    {
      name: 'key from the environment (TS)',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n",
    },
    {
      name: 'key from the environment (Python)',
      language: 'python',
      code: 'import os\nfrom openai import OpenAI\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n',
    },
    {
      name: 'placeholder in an example',
      language: 'typescript',
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: 'sk-your-key-here-xxxxxxxxxxxxxxxxxxxx' });\n",
    },
    { name: 'a short non-key string', language: 'python', code: 'from openai import OpenAI\nclient = OpenAI(api_key="test")\n' },
  ],
  invalid: [
    {
      name: 'literal key in the TS constructor; fix reads process.env',
      language: 'typescript',
      code: `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: '${KEY}' });\n`,
      errors: [{ messageId: 'key', line: 2, column: 37, endColumn: 37 + KEY.length + 2, includes: ['sk-…XwYv', 'OPENAI_API_KEY'] }],
      output: "import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n",
    },
    {
      name: 'literal key in Python; fix adds import os',
      language: 'python',
      code: `from openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\n`,
      errors: [{ messageId: 'key', line: 2, column: 25, includes: ['sk-…XwYv'] }],
      output: 'import os\nfrom openai import OpenAI\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n',
    },
    {
      name: 'two keys in one JS literal: the fix replaces both',
      language: 'javascript',
      code: `const pair = '${KEY} ${KEY.replace('sk-', 'sk-proj-')}';\n`,
      errors: [{ messageId: 'key', line: 1 }],
      output: 'const pair = `${process.env.OPENAI_API_KEY} ${process.env.OPENAI_API_KEY}`;\n',
    },
    {
      name: 'bearer header in a fetch call (JS) becomes a template',
      language: 'javascript',
      code: `fetch('https://api.openai.com/v1/models', { headers: { Authorization: 'Bearer ${KEY}' } });\n`,
      errors: [{ messageId: 'key', line: 1 }],
      output: "fetch('https://api.openai.com/v1/models', { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` } });\n",
    },
    {
      name: 'legacy module-level key with os already imported',
      language: 'python',
      code: `import os\nimport openai\nopenai.api_key = "${KEY}"\n`,
      errors: [{ messageId: 'key', line: 3 }],
      output: 'import os\nimport openai\nopenai.api_key = os.environ["OPENAI_API_KEY"]\n',
    },
    {
      name: 'key in a Python bytes literal: an f-string encoded to bytes, never fb"…"',
      language: 'python',
      code: `import os\nimport requests\nheaders = {b"Authorization": b"Bearer ${KEY}"}\n`,
      errors: [{ messageId: 'key', line: 3 }],
      output: 'import os\nimport requests\nheaders = {b"Authorization": f"Bearer {os.environ[\'OPENAI_API_KEY\']}".encode(\'latin-1\')}\n',
    },
    {
      name: 'two keys in one Python string: the fix leaves neither behind',
      language: 'python',
      code: `import os\nimport requests\nkeys = "primary=${KEY} backup=${KEY.replace('Zq8', 'Yy7')}"\n`,
      errors: [{ messageId: 'key', line: 3 }],
      output: "import os\nimport requests\nkeys = f\"primary={os.environ['OPENAI_API_KEY']} backup={os.environ['OPENAI_API_KEY']}\"\n",
    },
    {
      name: 'key inside a Python header string becomes an f-string',
      language: 'python',
      code: `import os\nimport requests\nheaders = {"Authorization": "Bearer ${KEY}"}\n`,
      errors: [{ messageId: 'key', line: 3 }],
      output: 'import os\nimport requests\nheaders = {"Authorization": f"Bearer {os.environ[\'OPENAI_API_KEY\']}"}\n',
    },
  ],
});
