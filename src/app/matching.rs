//! Matching (admins suggest and accept pairs; members pick their tags when they `/join`): the
//! program's interest tags, a member's interests (mentee) or expertise and capacity (mentor),
//! and `/match suggest` with its **Pair** (the same use case as `/pair`) and **Skip**.

use tracing::instrument;

use super::{require_admin, App, AppResult, Caller, PairOutcome, UserError};
use crate::{
    domain::{
        ids::UserId,
        matching::{self, parse_person_tags, parse_program_tags, Suggestion, MAX_CAPACITY},
        member::Role,
    },
    tr,
};

/// What a member gives about themselves for matching, checked against their role and the
/// program's tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatchingInput {
    pub tags: Option<Vec<String>>,
    pub capacity: Option<i64>,
}

/// What `/match suggest` shows.
#[derive(Debug, Clone)]
pub struct Suggestions {
    pub suggestions: Vec<Suggestion>,
    /// Mentees without a pairing (suggested or not).
    pub unpaired_mentees: usize,
    pub tags_defined: bool,
}

impl App {
    /// Replaces the program's interest tags (admins only). Members keep the tags they picked.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn set_program_tags(&self, caller: &Caller, text: &str) -> AppResult<Vec<String>> {
        require_admin(caller)?;
        self.require_program(caller.guild_id).await?;
        let tags = parse_program_tags(text).map_err(UserError::from)?;
        self.store.set_program_tags(caller.guild_id, &tags, self.now()).await?;
        Ok(tags)
    }

    /// The program's interest tags as `/program tags show` lists them (admins only, like every
    /// `/program` command; members see them as the choices of `/join`).
    pub async fn show_program_tags(&self, caller: &Caller) -> AppResult<Vec<String>> {
        require_admin(caller)?;
        self.program_tags(caller).await
    }

    /// The program's interest tags (anyone in the server may see them: they are the choices).
    pub async fn program_tags(&self, caller: &Caller) -> AppResult<Vec<String>> {
        self.require_program(caller.guild_id).await?;
        Ok(self.store.program_tags(caller.guild_id).await?)
    }

    /// Checks what a member gives for matching: mentees give `interests`, mentors `expertise`
    /// and `capacity`, tags from the program's list. Nothing is stored.
    pub async fn check_matching(
        &self,
        caller: &Caller,
        role: Role,
        interests: Option<&str>,
        expertise: Option<&str>,
        capacity: Option<i64>,
    ) -> AppResult<MatchingInput> {
        let program_tags = self.program_tags(caller).await?;
        let wrong = |option: &str, role: &str| {
            UserError::Matching(tr!("app-matching-wrong-option", option = option, role = role))
        };
        let tags = match (role, interests, expertise) {
            (Role::Mentee, _, Some(_)) => return Err(wrong("expertise", "mentor").into()),
            (Role::Mentor, Some(_), _) => return Err(wrong("interests", "mentee").into()),
            (_, Some(text), None) | (_, None, Some(text)) => {
                Some(parse_person_tags(text, &program_tags).map_err(UserError::from)?)
            }
            _ => None,
        };
        if let Some(c) = capacity {
            if role == Role::Mentee {
                return Err(wrong("capacity", "mentor").into());
            }
            if !(1..=MAX_CAPACITY).contains(&c) {
                return Err(UserError::Matching(tr!("app-matching-capacity", max = MAX_CAPACITY)).into());
            }
        }
        Ok(MatchingInput { tags, capacity })
    }

    /// Stores a checked [`MatchingInput`] for the caller.
    pub async fn save_matching(&self, caller: &Caller, input: &MatchingInput) -> AppResult<(Vec<String>, i64)> {
        if input.tags.is_some() || input.capacity.is_some() {
            self.store
                .set_member_matching(caller.guild_id, caller.user_id, input.tags.as_deref(), input.capacity)
                .await?;
        }
        Ok(self.store.member_matching(caller.guild_id, caller.user_id).await?)
    }

    /// Proposed pairs for mentees without a pairing (admins only), best first.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn suggest_matches(&self, caller: &Caller) -> AppResult<Suggestions> {
        require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        let mentees = self.store.match_candidates(program.guild_id, Role::Mentee, program.zone).await?;
        let mentors = self.store.match_candidates(program.guild_id, Role::Mentor, program.zone).await?;
        let past = self.store.pairs_not_to_suggest(program.guild_id).await?;
        let suggestions = matching::suggest(&mentees, &mentors, &past, self.now());
        let tags_defined = !self.store.program_tags(program.guild_id).await?.is_empty();
        Ok(Suggestions {
            suggestions,
            unpaired_mentees: mentees.iter().filter(|m| m.active == 0).count(),
            tags_defined,
        })
    }

    /// **Pair** on a suggestion: checks again that the caller is an admin, that the two were never
    /// paired and that the mentor has room, then does exactly what `/pair` does.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn pair_suggested(&self, caller: &Caller, mentor: UserId, mentee: UserId) -> AppResult<PairOutcome> {
        require_admin(caller)?;
        let program = self.require_program(caller.guild_id).await?;
        let (mentor_p, mentee_p) = (self.person(&program, mentor).await?, self.person(&program, mentee).await?);
        if self.store.active_pairing_between(caller.guild_id, mentor, mentee).await?.is_none()
            && self.store.ever_paired(caller.guild_id, mentor, mentee).await?
        {
            return Err(UserError::Matching(tr!(
                "app-matching-paired-before",
                mentor = crate::domain::text::short(&mentor_p.name),
                mentee = crate::domain::text::short(&mentee_p.name),
            ))
            .into());
        }
        let (_, capacity) = self.store.member_matching(caller.guild_id, mentor).await?;
        let active = self.store.active_pairings_of(caller.guild_id, mentor).await?;
        let active_n = i64::try_from(active.len()).unwrap_or(i64::MAX);
        if active_n >= capacity && !active.iter().any(|p| p.mentee_id == mentee) {
            return Err(UserError::MentorFull { name: mentor_p.name, active: active_n }.into());
        }
        self.pair(caller, &mentor_p, &mentee_p).await
    }

    /// **Skip** on a suggestion (admins only): it is not suggested again.
    #[instrument(skip_all, fields(guild = %caller.guild_id, user = %caller.user_id))]
    pub async fn skip_suggestion(&self, caller: &Caller, mentor: UserId, mentee: UserId) -> AppResult<()> {
        require_admin(caller)?;
        self.require_program(caller.guild_id).await?;
        self.store.skip_match(caller.guild_id, mentor, mentee, caller.user_id, self.now()).await?;
        Ok(())
    }
}
