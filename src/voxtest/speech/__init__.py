"""Speech for voice runs: the caller's voice (TTS), hearing the agent (VAD, STT), audio helpers.

`base` holds the protocols every engine implements; `registry.engines_for(settings, voice)`
chooses them. Offline defaults (extra `voxtest[voice]`): `piper_tts`, `whisper_stt`,
`silero` (with `energy` as a cheap comparison), all loaded lazily, once per process. Cloud
plugins: `cloud_tts` (ElevenLabs, Cartesia, OpenAI) and `cloud_stt` (Deepgram, OpenAI).
`render` turns a caller line's voice tags into audio (`dtmf`, `noise`), `recording` streams
a call to a stereo WAV, `audio` holds the numpy helpers.
"""
