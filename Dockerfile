# Production image: the bot without the simulated Discord (`--no-default-features` leaves out the
# `sim` feature: no test world, no `demo`), on a distroless runtime as a non-root user.
#
# Stop it with a grace period longer than the bot's own drain (at most about 30 s: the gateway
# closes, running commands get up to 10 s, the scheduler's round finishes its sends, each bounded
# by discord.request_timeout), e.g. `docker run --stop-timeout 60` or `stop_grace_period: 60s` in
# compose.yaml. Docker's default of 10 s may cut a round short (nothing is sent twice after
# that, but it is not a clean stop).

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
# 1. Dependencies only, with stand-in sources: this layer is rebuilt only when Cargo.toml or
#    Cargo.lock change. The workspace member and the test and bench targets must exist for
#    cargo to read the manifests; none of them is built.
COPY Cargo.toml Cargo.lock ./
COPY crates/discord-sim/Cargo.toml crates/discord-sim/Cargo.toml
RUN mkdir -p src benches tests/e2e crates/discord-sim/src \
 && echo 'fn main() {}' > src/main.rs \
 && touch src/lib.rs crates/discord-sim/src/lib.rs \
 && for f in benches/scheduler.rs tests/e2e/main.rs tests/delivery_load.rs; do echo 'fn main() {}' > "$f"; done \
 && cargo build --release --locked --no-default-features --bin mentor-bot \
 && rm -rf src target/release/.fingerprint/mentor-bot-* target/release/deps/mentor_bot-* target/release/deps/libmentor_bot-*
# 2. The bot itself.
COPY src src
COPY migrations migrations
COPY config config
COPY assets assets
RUN cargo build --release --locked --no-default-features --bin mentor-bot \
 && mkdir -p /out/data \
 && cp target/release/mentor-bot /out/mentor-bot

# glibc and libgcc only, no shell, no package manager; uid 65532 ("nonroot").
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/mentor-bot /usr/local/bin/mentor-bot
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
WORKDIR /data
VOLUME ["/data"]
# The listener for /healthz and /metrics listens inside the container; publish port 9091 only if
# something outside should scrape it (it has no authentication).
ENV MENTOR_BOT__DATABASE__URL=sqlite:///data/mentor-bot.db \
    MENTOR_BOT__LOG__FORMAT=json \
    MENTOR_BOT__HTTP__LISTEN=0.0.0.0:9091
EXPOSE 9091
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["mentor-bot", "health"]
# The bot drains on SIGTERM (see the stop timeout above).
STOPSIGNAL SIGTERM
# The token comes from DISCORD_TOKEN or, better, a secret file named by DISCORD_TOKEN_FILE
# (see compose.yaml).
ENTRYPOINT ["mentor-bot"]
CMD ["run"]
