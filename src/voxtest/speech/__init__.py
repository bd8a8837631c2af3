"""Speech for voice runs: the caller's voice (TTS), hearing the agent (VAD, STT), audio helpers.

`base` holds the protocols every engine implements; offline defaults and cloud plugins live in
their own modules and are chosen by name (see `registry`).
"""
