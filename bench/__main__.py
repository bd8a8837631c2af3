"""Run every benchmark: `python -m bench [--save] [--only NAME] [--seconds N]`."""

from __future__ import annotations

import argparse

from bench import (
    api_throughput,
    audio_metrics,
    condition_judge,
    conversations,
    db_roundtrip,
    evaluation_cost,
    ingest,
    metric_quality,
    mock_tools,
    scale_out,
    speech,
    voice_calls,
    webhooks,
)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument(
        "--only",
        choices=[
            "api",
            "db",
            "judge",
            "conversations",
            "scale-out",
            "evaluation",
            "metric-quality",
            "ingest",
            "speech",
            "audio",
            "webhooks",
            "voice",
            "mock-tools",
        ],
        help="run one benchmark",
    )
    parser.add_argument("--seconds", type=int, default=10, help="duration of each load phase")
    parser.add_argument("--save", action="store_true", help="store results as the new baseline")
    args = parser.parse_args()
    if args.only in (None, "db"):
        db_roundtrip.run()
    if args.only in (None, "judge"):
        condition_judge.run()
    if args.only in (None, "api"):
        api_throughput.run(seconds=args.seconds, save=args.save)
    if args.only in (None, "conversations"):
        conversations.run(save=args.save)
    if args.only in (None, "scale-out"):
        scale_out.run(save=args.save)
    if args.only in (None, "evaluation"):
        evaluation_cost.run()
    if args.only in (None, "ingest"):
        ingest.run()
    if args.only in (None, "audio"):
        audio_metrics.run()
    if args.only in (None, "webhooks"):
        webhooks.run(save=args.save)
    if args.only in (None, "metric-quality"):
        metric_quality.run()  # needs a judge model (VOXTEST_JUDGE_*); says so otherwise
    if args.only in (None, "speech"):
        speech.run()
    if args.only in (None, "voice"):
        voice_calls.run()
    if args.only in (None, "mock-tools"):
        mock_tools.run(seconds=min(args.seconds, 5), save=args.save)


if __name__ == "__main__":
    main()
