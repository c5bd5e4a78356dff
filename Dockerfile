# Small runtime image: build with the Rust toolchain, run on Debian slim as a non-root user.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY crates crates
COPY src src
COPY migrations migrations
COPY config config
COPY assets assets
COPY benches benches
RUN cargo build --release --locked --bin mentor-bot

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin mentor \
 && mkdir -p /data && chown mentor /data
COPY --from=build /src/target/release/mentor-bot /usr/local/bin/mentor-bot
USER mentor
WORKDIR /data
VOLUME ["/data"]
ENV MENTOR_BOT__DATABASE__URL=sqlite:///data/mentor-bot.db \
    MENTOR_BOT__LOG__FORMAT=json
# DISCORD_TOKEN must be provided at run time: docker run -e DISCORD_TOKEN=... -v mentor-data:/data
ENTRYPOINT ["mentor-bot"]
CMD ["run"]
