// Chapter links seek the episode's player. Without JavaScript they open the audio at #t=.
(function () {
  "use strict";
  var player = document.getElementById("pemutar-audio");
  if (!player) { return; }
  function seek(seconds) {
    player.currentTime = seconds;
    var playing = player.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
    player.focus();
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-seek]");
    if (!link) { return; }
    event.preventDefault();
    seek(parseFloat(link.getAttribute("data-seek")));
  });
  var start = new URLSearchParams(window.location.search).get("t");
  if (start) {
    player.addEventListener("loadedmetadata", function () {
      player.currentTime = parseFloat(start);
    }, { once: true });
  }
}());
