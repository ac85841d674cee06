// A small TikFinity overlay: gift cards with streaks, chat lines, reconnect. Nothing in it knows about tests.
const SOCKET = 'ws://localhost:21213/';
const gifts = document.getElementById('gifts');
const chat = document.getElementById('chat');
const status = document.getElementById('status');

function giftCard(d) {
  // A streak (giftType 1) updates one card until repeatEnd; every other gift is a card of its own.
  const key = d.giftType === 1 ? `${d.userId}|${d.groupId}|${d.giftId}` : `${d.userId}|${d.msgId}`;
  let card = gifts.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (!card) {
    card = document.createElement('div');
    card.className = 'gift';
    card.dataset.key = key;
    card.innerHTML = '<img alt=""><span class="who"></span><span class="name"></span><span class="count"></span>';
    card.querySelector('img').src = d.giftPictureUrl;
    card.querySelector('.who').textContent = d.nickname;
    card.querySelector('.name').textContent = d.giftName;
    gifts.prepend(card);
  }
  card.querySelector('.count').textContent = `x${d.repeatCount}`;
  card.dataset.settled = String(d.giftType !== 1 || d.repeatEnd);
}

function chatLine(d) {
  const line = document.createElement('div');
  line.className = 'chat';
  line.innerHTML = '<b></b> <span></span>';
  line.querySelector('b').textContent = d.nickname;
  line.querySelector('span').textContent = d.comment;
  chat.append(line);
  while (chat.children.length > 8) chat.firstElementChild.remove();
}

function connect() {
  const ws = new WebSocket(SOCKET);
  ws.onopen = () => {
    status.textContent = 'connected';
    status.dataset.connected = 'true';
  };
  ws.onmessage = (m) => {
    let f;
    try {
      f = JSON.parse(m.data);
    } catch {
      return; // a bad frame is ignored
    }
    if (f.event === 'gift') giftCard(f.data);
    else if (f.event === 'chat') chatLine(f.data);
  };
  ws.onclose = () => {
    status.textContent = 'reconnecting…';
    status.dataset.connected = 'false';
    setTimeout(connect, 1000);
  };
}
connect();
