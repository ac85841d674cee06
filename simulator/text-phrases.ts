/** Hand-picked chat phrases per language, in the tone of real TikTok LIVE chat; `{x}` slots are filled from faker. */
export const PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'No lets go', 'W stream', 'hi from {country}!!', 'first time here {emoji}', 'love this song', 'who else is here from {city}?',
    'lol', 'LMAOOO', 'you are so funny {emoji}', 'can you say hi to me?', 'shoutout to {name} please', 'tap tap tap',
    'this is fire {emoji}{emoji}', 'hello everyone', 'good morning from {country}', 'good night chat', 'omg', 'bro what',
    'ratio', 'followed!', "what's the song called", 'play {word} next', 'we love you', 'sheesh', 'GG', 'ayo',
    '{emoji}', 'real', 'no way', 'pls notice me', 'gifting soon', 'let’s get to 10k likes', 'keep going!!', 'stop it 😭',
  ],
  es: [
    'hola desde {country}', 'que buena música', 'saludos a todos', 'jajajaja', 'te quiero mucho {emoji}', 'buenas noches',
    'qué onda', 'eres lo máximo', 'saludos desde {city}', 'primera vez aquí', 'me encanta', 'vamos!!', 'qué canción es?',
  ],
  pt: ['oi gente', 'amei', 'salve do Brasil 🇧🇷', 'kkkkkkk', 'que lindo', 'manda um salve pra mim', 'arrasou', 'boa noite',
    'tô chegando agora', 'que música é essa?', 'sou de {city}'],
  de: ['Hallo aus {city}', 'geil', 'Servus!', "wie geht's?", 'mega', 'Grüße an alle', 'bin neu hier', 'krass {emoji}'],
  ja: ['こんにちは', 'かわいい', '草', '初見です', 'すごい！', 'おつかれさま', 'ありがとう😊', 'いいね', 'どこから配信してるの？'],
  ko: ['안녕하세요', 'ㅋㅋㅋㅋㅋ', '대박', '사랑해요 💕', '처음 왔어요', '노래 좋다', '화이팅!'],
  ru: ['привет из {city}', 'круто', 'ахахах', 'лайк', 'всем привет', 'класс 🔥', 'что за песня?'],
  ar: ['السلام عليكم', 'ما شاء الله', 'حبيبي', 'تحياتي من {city}', 'الله يسعدك', 'جميل جدا ❤️'],
  vi: ['xin chào', 'hay quá', 'chào mọi người', 'haha', 'bài này tên gì vậy', 'yêu quá'],
  id: ['halo kak', 'mantap', 'wkwkwk', 'salam dari {city}', 'semangat kak', 'keren banget'],
};

/** Question templates for `questionNew` (Q&A) and question-like chat. */
export const QUESTIONS: readonly string[] = [
  'what song is this?', 'where are you from?', 'how old are you?', 'what game is this?', 'can you play {word}?',
  'when is the next live?', 'what camera do you use?', 'do you speak {language}?', 'how do I join the team?',
  'what is your favorite food?', 'cómo te llamas?', 'de onde você é?', '何歳ですか？', '어디 살아요?', 'сколько тебе лет?',
];

/** LIVE intro descriptions. */
export const INTROS: readonly string[] = [
  'Chill beats and gift goals tonight! 🎧', 'Daily stream 🌙 be kind', 'Q&A + cooking 🍜', 'Road to 10k followers 🚀',
  'Gaming with chat, join in! 🎮', 'Morning coffee talk ☕',
];

/** Odd nicknames seen on TikTok: emoji only, decorated, right-to-left, zalgo-ish. */
export const ODD_NICKNAMES: readonly string[] = [
  '🌸🌸🌸', '👑', '🦋✨', '🔥🔥', '✨ angel ✨', 'ꜱᴛᴀʀʟɪɢʜᴛ', '𝓛𝓾𝓷𝓪', 'ℳ𝒶𝓇𝒾𝒶', '꧁༺ 𝕂𝕚𝕟𝕘 ༻꧂', 'Z̷a̸l̶g̵o̴ ̷g̵i̷r̸l̶',
  'ḿ̷̢y̸͙̓s̴̱̈́t̶͍̅ȩ̷̏r̶̘̽y̶̜͠', '.', '_', 'ملكة القلوب', 'عاشق الليل 🌙', 'שלום', '(っ◔◡◔)っ ♥', '⋆｡°✩ dreamy ✩°｡⋆',
];
