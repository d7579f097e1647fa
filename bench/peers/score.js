// Scores the analysis evaluation set with established sentiment libraries,
// for unisono-analysis-bench to print beside its own figures:
//   vader-sentiment and sentiment (AFINN-165) on the English messages,
//   multilang-sentiment (AFINN-165 translated, with emoji) on the Italian ones.
// Usage: node score.js SET.jsonl  ->  one JSON object on stdout:
//   {"peers": {"vader-sentiment": {"version": "1.1.3", "language": "en", "field": "compound",
//              "scores": {"en-001": -0.4, ...}}, ...}}
'use strict';

const fs = require('fs');
const vader = require('vader-sentiment');
const Sentiment = require('sentiment');
const multilang = require('multilang-sentiment');

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: node score.js SET.jsonl\n');
  process.exit(2);
}
const messages = fs.readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));

const version = (name) => require(`${name}/package.json`).version;
const afinn = new Sentiment();
const peers = {
  'vader-sentiment': {
    language: 'en',
    field: 'compound',
    score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
  },
  sentiment: { language: 'en', field: 'score', score: (text) => afinn.analyze(text).score },
  'multilang-sentiment': { language: 'it', field: 'score', score: (text) => multilang(text, 'it').score },
};

const result = { peers: {} };
for (const [name, peer] of Object.entries(peers)) {
  const scores = {};
  for (const message of messages) {
    if (message.lang === peer.language) scores[message.id] = peer.score(message.text);
  }
  result.peers[name] = { version: version(name), language: peer.language, field: peer.field, scores };
}
process.stdout.write(JSON.stringify(result) + '\n');
