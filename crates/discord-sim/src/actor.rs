//! Simulated users: run slash commands, autocomplete, press buttons, submit modals, read DMs.

use std::time::Duration;

use anyhow::{bail, Context as _};
use serde_json::json;

use crate::{
    interactions::{self, Place},
    model::{Choice, Message, Modal, Reply},
    options::{self, Purpose},
    state::{ChannelKind, InteractionKind},
    transcript::EventKind,
    Sim,
};

/// Where an actor acts.
#[derive(Clone, Copy, Debug)]
enum Location {
    /// The first guild the user is a member of, and its first channel.
    Default,
    Guild {
        guild: u64,
        channel: Option<u64>,
    },
    Dm,
}

/// A user acting in a guild channel or in their DM with the bot. Created by [`Sim::actor`].
#[derive(Clone)]
pub struct Actor {
    sim: Sim,
    user: u64,
    location: Location,
    timeout: Duration,
}

impl Actor {
    pub(crate) fn new(sim: Sim, user: u64) -> Self {
        Self { sim, user, location: Location::Default, timeout: Duration::from_secs(10) }
    }

    /// The user's id.
    pub fn id(&self) -> u64 {
        self.user
    }

    /// Acts in `guild` (in its first channel unless [`Self::in_channel`] follows).
    #[must_use]
    pub fn in_guild(mut self, guild: u64) -> Self {
        self.location = Location::Guild { guild, channel: None };
        self
    }

    /// Acts in guild channel `channel` (its guild is looked up).
    #[must_use]
    pub fn in_channel(mut self, channel: u64) -> Self {
        let guild = self.sim.shared.lock().channel_guild(channel);
        self.location = match guild {
            Some(guild) => Location::Guild { guild, channel: Some(channel) },
            None => Location::Guild { guild: 0, channel: Some(channel) },
        };
        self
    }

    /// Acts in the user's DM with the bot (commands run as DM interactions).
    #[must_use]
    pub fn in_dm(mut self) -> Self {
        self.location = Location::Dm;
        self
    }

    /// How long to wait for the bot's answers (default 10 s real time).
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    fn place(&self) -> anyhow::Result<Place> {
        let shared = &self.sim.shared;
        if matches!(self.location, Location::Dm) {
            let channel = interactions::dm_channel(shared, self.user);
            return Ok(Place { user: self.user, channel, guild: None });
        }
        let state = shared.lock();
        let user = state.users.get(&self.user).with_context(|| format!("test error: unknown user {}", self.user))?;
        let guild = match self.location {
            Location::Guild { guild, .. } => {
                state.guild(guild).with_context(|| format!("test error: unknown guild {guild}"))?
            }
            _ => state
                .guilds
                .iter()
                .find(|g| user.membership(g).is_some())
                .with_context(|| format!("test error: {} is not in any guild", user.name))?,
        };
        let channel = match self.location {
            Location::Guild { channel: Some(c), .. } => c,
            _ => guild
                .channels
                .first()
                .map(|c| c.id)
                .with_context(|| format!("test error: guild {} has no channels", guild.name))?,
        };
        if !matches!(state.channels.get(&channel), Some(ChannelKind::Guild { guild_id, .. }) if *guild_id == guild.id) {
            bail!("test error: channel {channel} is not a channel of guild {}", guild.name);
        }
        if state.controls.removed_guilds.contains(&guild.id) {
            bail!("test error: the bot is not in guild {} (removed), so it gets no interactions there", guild.name);
        }
        Ok(Place { user: self.user, channel, guild: Some(guild.id) })
    }

    /// Runs a slash command, e.g. `slash("program setup", &[("channel", "#general")])`.
    ///
    /// Option values are strings typed by the registered definition: integers, numbers and
    /// booleans are parsed; users accept an id, `<@id>` or a name; channels an id, `<#id>` or
    /// `#name`; roles an id, `<@&id>` or a name. An unknown command or option is a test error.
    pub async fn slash(&self, command: &str, options: &[(&str, &str)]) -> anyhow::Result<Reply> {
        let place = self.place()?;
        let built = {
            let state = self.sim.shared.lock();
            options::command_data(&state, place.guild, self.sim.shared.now(), command, options, &Purpose::Invoke)?
        };
        let event = EventKind::Slash { user: self.user, channel: place.channel, command: built.rendered.clone() };
        let id = interactions::send(&self.sim.shared, place, InteractionKind::Command, built.data, None, Some(event))?;
        interactions::wait_reply(&self.sim.shared, id, self.timeout, &built.rendered).await
    }

    /// Runs a slash command from a client whose cached copy of the command is out of date (as
    /// after the bot changed it): every given option arrives as a plain string option, whatever
    /// the current definition says its type is.
    pub async fn slash_outdated(&self, command: &str, options: &[(&str, &str)]) -> anyhow::Result<Reply> {
        let place = self.place()?;
        let built = {
            let state = self.sim.shared.lock();
            options::command_data(&state, place.guild, self.sim.shared.now(), command, options, &Purpose::Outdated)?
        };
        let event = EventKind::Slash { user: self.user, channel: place.channel, command: built.rendered.clone() };
        let id = interactions::send(&self.sim.shared, place, InteractionKind::Command, built.data, None, Some(event))?;
        interactions::wait_reply(&self.sim.shared, id, self.timeout, &built.rendered).await
    }

    /// Runs the user context-menu command `name` (right-click on a member → Apps) on `target`.
    pub async fn user_command(&self, name: &str, target: u64) -> anyhow::Result<Reply> {
        let place = self.place()?;
        let built = {
            let state = self.sim.shared.lock();
            options::user_command_data(&state, place.guild, self.sim.shared.now(), name, target)?
        };
        let event = EventKind::Slash { user: self.user, channel: place.channel, command: built.rendered.clone() };
        let id = interactions::send(&self.sim.shared, place, InteractionKind::Command, built.data, None, Some(event))?;
        interactions::wait_reply(&self.sim.shared, id, self.timeout, &built.rendered).await
    }

    /// Asks for autocomplete choices while typing `focused` (which must be among `options`).
    pub async fn autocomplete(
        &self,
        command: &str,
        options: &[(&str, &str)],
        focused: &str,
    ) -> anyhow::Result<Vec<Choice>> {
        let place = self.place()?;
        let built = {
            let state = self.sim.shared.lock();
            options::command_data(
                &state,
                place.guild,
                self.sim.shared.now(),
                command,
                options,
                &Purpose::Autocomplete { focused },
            )?
        };
        let event =
            EventKind::Autocomplete { user: self.user, command: built.rendered.clone(), focused: focused.to_owned() };
        let id =
            interactions::send(&self.sim.shared, place, InteractionKind::Autocomplete, built.data, None, Some(event))?;
        let reply = interactions::wait_reply(&self.sim.shared, id, self.timeout, &built.rendered).await?;
        Ok(reply.choices()?.to_vec())
    }

    /// Presses the button `custom_id` on `message` (the latest version of it is used).
    pub async fn press(&self, message: &Message, custom_id: &str) -> anyhow::Result<Reply> {
        self.press_on(message, custom_id, false).await
    }

    /// Sends a button press with `custom_id` on `message` although the message has no such
    /// button: what a modified client (or a forged request) can do. For tests that a bot checks
    /// who may press what instead of trusting its own custom ids.
    pub async fn press_forged(&self, message: &Message, custom_id: &str) -> anyhow::Result<Reply> {
        self.press_on(message, custom_id, true).await
    }

    async fn press_on(&self, message: &Message, custom_id: &str, forged: bool) -> anyhow::Result<Reply> {
        let (place, payload, label) = {
            let state = self.sim.shared.lock();
            let current = state
                .messages
                .get(&message.id)
                .with_context(|| format!("test error: message {} no longer exists", message.id))?;
            let found = current.buttons().into_iter().find(|(id, _)| id == custom_id).map(|(_, label)| label);
            if !forged && current.disabled_buttons().iter().any(|id| id == custom_id) {
                bail!(
                    "test error: button {custom_id:?} of message {} is disabled; a client cannot press it",
                    message.id
                );
            }
            let label = match found {
                Some(label) => label,
                None if forged => format!("forged {custom_id}"),
                None => bail!(
                    "test error: message {} has no button {custom_id:?} (buttons: {:?})",
                    message.id,
                    current.buttons()
                ),
            };
            if let Some(ChannelKind::Dm { recipient }) = state.channels.get(&current.channel_id) {
                if *recipient != self.user {
                    bail!("test error: user {} cannot see another user's DM", self.user);
                }
            }
            if current.ephemeral {
                let owner = current.interaction_id.and_then(|i| state.interactions.get(&i)).map(|i| i.user_id);
                if owner != Some(self.user) {
                    bail!("test error: user {} cannot see someone else's ephemeral message", self.user);
                }
            }
            let place = Place { user: self.user, channel: current.channel_id, guild: current.guild_id };
            (place, crate::rest::message_json(&self.sim.shared, current), label)
        };
        let data = json!({"custom_id": custom_id, "component_type": 2});
        let event = EventKind::Press { user: self.user, label: label.clone() };
        let id = interactions::send(
            &self.sim.shared,
            place,
            InteractionKind::Component { message_id: message.id },
            data,
            Some(payload),
            Some(event),
        )?;
        interactions::wait_reply(&self.sim.shared, id, self.timeout, &format!("the press of [{label}]")).await
    }

    /// Submits `modal` with the given field values; other fields keep their pre-filled value.
    pub async fn submit(&self, modal: &Modal, values: &[(&str, &str)]) -> anyhow::Result<Reply> {
        let place = {
            let mut state = self.sim.shared.lock();
            let record =
                state.interactions.get_mut(&modal.interaction_id).context("test error: this modal was never shown")?;
            if record.modal.is_none() || record.user_id != self.user {
                bail!("test error: the bot did not show this modal to user {}", self.user);
            }
            if record.modal_submitted {
                bail!("test error: this modal was already submitted");
            }
            record.modal_submitted = true;
            let origin = match record.kind {
                InteractionKind::Component { message_id } => Some(message_id),
                _ => None,
            };
            let place = Place { user: self.user, channel: record.channel_id, guild: record.guild_id };
            // A modal opened by a button comes back with the message that button sits on.
            let origin = origin
                .and_then(|id| state.messages.get(&id))
                .map(|m| (m.id, crate::rest::message_json(&self.sim.shared, m)));
            (place, origin)
        };
        let (place, origin) = place;
        for (name, _) in values {
            if !modal.fields.iter().any(|f| f.custom_id == *name) {
                bail!("test error: modal {:?} has no field {name:?}", modal.title);
            }
        }
        let mut rows = Vec::new();
        let mut shown = Vec::new();
        for field in &modal.fields {
            let value = values
                .iter()
                .find(|(n, _)| *n == field.custom_id)
                .map(|(_, v)| (*v).to_owned())
                .or_else(|| field.value.clone())
                .unwrap_or_default();
            let len = u64::try_from(value.chars().count()).unwrap_or(u64::MAX);
            if field.required && value.is_empty() {
                bail!("test error: Discord would not submit: field {:?} is required", field.label);
            }
            if !value.is_empty()
                && (field.min_length.is_some_and(|m| len < m) || field.max_length.is_some_and(|m| len > m))
            {
                bail!("test error: Discord would not submit: field {:?} length {len} out of bounds", field.label);
            }
            shown.push((field.label.clone(), value.clone()));
            rows.push(json!({"type": 1, "components": [{"type": 4, "custom_id": field.custom_id, "value": value}]}));
        }
        let data = json!({"custom_id": modal.custom_id, "components": rows});
        let event = EventKind::Submit { user: self.user, title: modal.title.clone(), fields: shown };
        let (message_id, message) = origin.map_or((None, None), |(id, m)| (Some(id), Some(m)));
        let id = interactions::send(
            &self.sim.shared,
            place,
            InteractionKind::ModalSubmit { message_id },
            data,
            message,
            Some(event),
        )?;
        interactions::wait_reply(&self.sim.shared, id, self.timeout, &format!("the modal {:?}", modal.title)).await
    }

    /// Everything the bot posted in this user's DM channel, in order.
    pub fn dms(&self) -> Vec<Message> {
        self.sim.dms(self.user)
    }
}
