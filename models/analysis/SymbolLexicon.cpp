#include "LexiconSources.h"

// Emoji and emoticons, the same in every language. The eye roll and the
// upside-down face mark irony; clapping and "crying with laughter" follow
// the words around them (sarcasm detection decides).
const char* LexiconSources::symbols()
{
    return R"(
valence 2.8: 😍 | 🥰 | 🤩 | ❤ | ❤️ | 💙 | 💚 | 💛 | 💜 | 🧡 | 💖 | 💕 | 😘 | <3 | 💯 | 🏆 | 🥇
valence 2.2: 😀 | 😃 | 😄 | 😁 | 😊 | 😆 | 🥳 | 🎉 | 🙏 | 👏 | 👍 | 👌 | ⭐ | 🌟 | ✨ | 🚀 | 🔝 | 🔥 | 💪 | ✅ | ✔ | ☺ | 😎 | 🤗 | 😇 | 🎁 | 😻 | :D | :-D | xD | XD | ^_^
valence 1.5: 🙂 | 😉 | 😌 | 😂 | 🤣 | 😅 | 🌞 | ☀ | 🌈 | 🍀 | 💐 | 🌹 | :) | :-) | =) | ;) | ;-) | ^^ | :P | :-P | :p | :-p | :*
valence -1.0: 😐 | 😑 | 😶 | 🤨 | 😬 | 😴 | 🥱 | ⏳ | ⌛ | :| | :-| | :/ | :-/ | :O | :o | :-O
valence -1.5: 🙄 | 😒 | 😕 | 🙁 | ☹ | 😟 | 😔 | 😞 | 🤦 | 🤷 | 📵 | ⚠ | 🐌
valence -2.2: 😢 | 😥 | 😓 | 😩 | 😫 | 😖 | 😣 | 😰 | 😨 | 😱 | 💔 | 👎 | ❌ | 🚫 | 😠 | :( | :-( | =(
valence -2.8: 😡 | 🤬 | 😤 | 😭 | 🤮 | 🤢 | 💩 | >:( | :'(
sarcasm: 🙄 | 🙃 | 😒
complaint 1.0: 😡 | 🤬 | 😤 | 👎 | 📵 | 🤦
praise: 👏 | 💯 | 🔝 | 🏆 | 🥇 | ⭐ | 🌟
courtesy: 🙏 | 👍 | 🙂 | 😊 | 😉 | 🌞 | ☀ | :) | :-) | =)
)";
}
