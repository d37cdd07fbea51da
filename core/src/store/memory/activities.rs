//! Activities, schedules, sessions, residents, ideas and tallies in memory.

use super::{MemoryStore, hub_mut, hub_ref};
use crate::store::{
    ActivityStore, SessionQuery, duplicate_message, stale_message, tally_twice_message,
};
use crate::{
    Activity, ActivityCounts, ActivityId, ActivityMonthCounts, Bucket, Error, HubId, Idea, IdeaId,
    IdeaStatus, IdeaStatusCount, JournalEntry, Participant, Period, Resident, ResidentId, Result,
    Schedule, ScheduleId, Session, SessionId, SessionStatus, TableTally, TallyWeek, VolunteerId,
    bucket_start, code_list::CodeList,
};
use chrono::NaiveDate;

#[derive(Debug, Default)]
pub(super) struct ActivityData {
    pub(super) activities: Vec<Activity>,
    schedules: Vec<Schedule>,
    pub(super) sessions: Vec<Session>,
    residents: Vec<Resident>,
    ideas: Vec<Idea>,
    tallies: Vec<TableTally>,
}

fn not_found<T>(entity: &str, id: impl std::fmt::Display) -> Result<T> {
    Err(Error::not_found(entity, id))
}

fn check_version(stored: i64, expected: i64, entity: &str) -> Result<()> {
    if stored == expected {
        Ok(())
    } else {
        Err(Error::Conflict(stale_message(entity)))
    }
}

#[cfg_attr(not(target_family = "wasm"), async_trait::async_trait)]
#[cfg_attr(target_family = "wasm", async_trait::async_trait(?Send))]
impl ActivityStore for MemoryStore {
    async fn insert_activity(&self, hub: HubId, a: &Activity, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.activities.activities.iter().any(|o| o.id == a.id) {
            return Err(Error::Conflict(duplicate_message(ActivityId::ENTITY, a.id)));
        }
        data.activities.activities.push(a.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_activity(
        &self,
        hub: HubId,
        a: &Activity,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let Some(stored) = data.activities.activities.iter_mut().find(|o| o.id == a.id) else {
            return not_found(ActivityId::ENTITY, a.id);
        };
        check_version(stored.version, expected_version, ActivityId::ENTITY)?;
        *stored = a.clone();
        data.journal(entry);
        Ok(())
    }

    async fn activity(&self, hub: HubId, id: ActivityId) -> Result<Activity> {
        let st = self.lock();
        match hub_ref(&st, hub)?
            .activities
            .activities
            .iter()
            .find(|a| a.id == id)
        {
            Some(a) => Ok(a.clone()),
            None => not_found(ActivityId::ENTITY, id),
        }
    }

    async fn activities(&self, hub: HubId) -> Result<Vec<Activity>> {
        let st = self.lock();
        let mut out = hub_ref(&st, hub)?.activities.activities.clone();
        crate::order::sort_by(&mut out, |a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
        Ok(out)
    }

    async fn insert_schedule(
        &self,
        hub: HubId,
        schedule: &Schedule,
        ended: &[Schedule],
        drop_from: NaiveDate,
        entry: &JournalEntry,
    ) -> Result<u64> {
        let mut st = self.lock();
        let data = &mut hub_mut(&mut st, hub)?.activities;
        if !data.activities.iter().any(|a| a.id == schedule.activity_id) {
            return not_found(ActivityId::ENTITY, schedule.activity_id);
        }
        if let Some(e) = ended
            .iter()
            .find(|e| !data.schedules.iter().any(|s| s.id == e.id))
        {
            return not_found(ScheduleId::ENTITY, e.id);
        }
        if data.schedules.iter().any(|s| s.id == schedule.id) {
            return Err(Error::Conflict(duplicate_message(
                ScheduleId::ENTITY,
                schedule.id,
            )));
        }
        let ended_ids: Vec<ScheduleId> = ended.iter().map(|e| e.id).collect();
        let before = data.sessions.len();
        data.sessions.retain(|s| {
            !(s.schedule_id.is_some_and(|id| ended_ids.contains(&id))
                && s.date >= drop_from
                && s.status == SessionStatus::Planned
                && s.attendance.is_none())
        });
        let removed = (before - data.sessions.len()) as u64;
        for e in ended {
            if let Some(s) = data.schedules.iter_mut().find(|s| s.id == e.id) {
                *s = e.clone();
            }
        }
        data.schedules.push(schedule.clone());
        hub_mut(&mut st, hub)?.journal(entry);
        Ok(removed)
    }

    async fn schedules(&self, hub: HubId, activity: ActivityId) -> Result<Vec<Schedule>> {
        let st = self.lock();
        let mut out: Vec<Schedule> = hub_ref(&st, hub)?
            .activities
            .schedules
            .iter()
            .filter(|s| s.activity_id == activity)
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |s| (s.starts_on, s.id));
        Ok(out)
    }

    async fn insert_sessions(
        &self,
        hub: HubId,
        sessions: &[Session],
        entry: &JournalEntry,
    ) -> Result<u64> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let mut stored = 0;
        for s in sessions {
            if !data
                .activities
                .activities
                .iter()
                .any(|a| a.id == s.activity_id)
            {
                return not_found(ActivityId::ENTITY, s.activity_id);
            }
        }
        for s in sessions {
            let taken = data.activities.sessions.iter().any(|o| {
                o.id == s.id
                    || (o.activity_id == s.activity_id
                        && o.date == s.date
                        && o.span.start() == s.span.start())
            });
            if !taken {
                data.activities.sessions.push(s.clone());
                stored += 1;
            }
        }
        if stored > 0 {
            data.journal(entry);
        }
        Ok(stored)
    }

    async fn update_session(
        &self,
        hub: HubId,
        s: &Session,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if let Some(a) = &s.attendance {
            for p in &a.participants {
                match p {
                    Participant::Volunteer(v) if !data.volunteers.contains(v.as_uuid()) => {
                        return not_found(VolunteerId::ENTITY, v);
                    }
                    Participant::Resident(r)
                        if !data.activities.residents.iter().any(|x| x.id == *r) =>
                    {
                        return not_found(ResidentId::ENTITY, r);
                    }
                    _ => {}
                }
            }
        }
        let Some(stored) = data.activities.sessions.iter_mut().find(|o| o.id == s.id) else {
            return not_found(SessionId::ENTITY, s.id);
        };
        check_version(stored.version, expected_version, SessionId::ENTITY)?;
        *stored = s.clone();
        data.journal(entry);
        Ok(())
    }

    async fn session(&self, hub: HubId, id: SessionId) -> Result<Session> {
        let st = self.lock();
        match hub_ref(&st, hub)?
            .activities
            .sessions
            .iter()
            .find(|s| s.id == id)
        {
            Some(s) => Ok(s.clone()),
            None => not_found(SessionId::ENTITY, id),
        }
    }

    async fn sessions(&self, hub: HubId, q: &SessionQuery) -> Result<Vec<Session>> {
        let st = self.lock();
        let mut out: Vec<Session> = hub_ref(&st, hub)?
            .activities
            .sessions
            .iter()
            .filter(|s| q.activity.is_none_or(|a| s.activity_id == a))
            .filter(|s| q.period.contains(s.date))
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |s| (s.date, s.span.start(), s.id));
        Ok(out)
    }

    async fn insert_resident(&self, hub: HubId, r: &Resident, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.activities.residents.iter().any(|o| o.id == r.id) {
            return Err(Error::Conflict(duplicate_message(ResidentId::ENTITY, r.id)));
        }
        data.activities.residents.push(r.clone());
        data.journal(entry);
        Ok(())
    }

    async fn residents(&self, hub: HubId) -> Result<Vec<Resident>> {
        let st = self.lock();
        let mut out = hub_ref(&st, hub)?.activities.residents.clone();
        crate::order::sort_by(&mut out, |a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
        Ok(out)
    }

    async fn delete_resident(
        &self,
        hub: HubId,
        id: ResidentId,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if !data.activities.residents.iter().any(|r| r.id == id) {
            return not_found(ResidentId::ENTITY, id);
        }
        data.activities.residents.retain(|r| r.id != id);
        for s in &mut data.activities.sessions {
            if let Some(a) = &mut s.attendance {
                a.participants.retain(|p| *p != Participant::Resident(id));
            }
        }
        data.journal(entry);
        Ok(())
    }

    async fn insert_idea(&self, hub: HubId, idea: &Idea, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.activities.ideas.iter().any(|o| o.id == idea.id) {
            return Err(Error::Conflict(duplicate_message(IdeaId::ENTITY, idea.id)));
        }
        data.activities.ideas.push(idea.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_idea(
        &self,
        hub: HubId,
        idea: &Idea,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if let Some(a) = idea.activity_id
            && !data.activities.activities.iter().any(|x| x.id == a)
        {
            return not_found(ActivityId::ENTITY, a);
        }
        let Some(stored) = data.activities.ideas.iter_mut().find(|o| o.id == idea.id) else {
            return not_found(IdeaId::ENTITY, idea.id);
        };
        check_version(stored.version, expected_version, IdeaId::ENTITY)?;
        *stored = idea.clone();
        data.journal(entry);
        Ok(())
    }

    async fn idea(&self, hub: HubId, id: IdeaId) -> Result<Idea> {
        let st = self.lock();
        match hub_ref(&st, hub)?
            .activities
            .ideas
            .iter()
            .find(|i| i.id == id)
        {
            Some(i) => Ok(i.clone()),
            None => not_found(IdeaId::ENTITY, id),
        }
    }

    async fn ideas(&self, hub: HubId, status: Option<IdeaStatus>) -> Result<Vec<Idea>> {
        let st = self.lock();
        let mut out: Vec<Idea> = hub_ref(&st, hub)?
            .activities
            .ideas
            .iter()
            .filter(|i| status.is_none_or(|s| i.status == s))
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |i| (i.submitted_on, i.id));
        Ok(out)
    }

    async fn insert_tally(&self, hub: HubId, t: &TableTally, entry: &JournalEntry) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        if data.activities.tallies.iter().any(|o| o.date == t.date) {
            return Err(Error::Conflict(tally_twice_message(t.date)));
        }
        data.activities.tallies.push(t.clone());
        data.journal(entry);
        Ok(())
    }

    async fn update_tally(
        &self,
        hub: HubId,
        t: &TableTally,
        expected_version: i64,
        entry: &JournalEntry,
    ) -> Result<()> {
        let mut st = self.lock();
        let data = hub_mut(&mut st, hub)?;
        let Some(stored) = data
            .activities
            .tallies
            .iter_mut()
            .find(|o| o.date == t.date)
        else {
            return not_found("table_tally", t.date);
        };
        check_version(stored.version, expected_version, "table tally")?;
        *stored = t.clone();
        data.journal(entry);
        Ok(())
    }

    async fn tally(&self, hub: HubId, date: NaiveDate) -> Result<Option<TableTally>> {
        let st = self.lock();
        Ok(hub_ref(&st, hub)?
            .activities
            .tallies
            .iter()
            .find(|t| t.date == date)
            .cloned())
    }

    async fn tallies(&self, hub: HubId, period: Period) -> Result<Vec<TableTally>> {
        let st = self.lock();
        let mut out: Vec<TableTally> = hub_ref(&st, hub)?
            .activities
            .tallies
            .iter()
            .filter(|t| period.contains(t.date))
            .cloned()
            .collect();
        crate::order::sort_by_key(&mut out, |t| t.date);
        Ok(out)
    }

    async fn activity_counts(&self, hub: HubId, period: Period) -> Result<ActivityCounts> {
        let st = self.lock();
        let data = &hub_ref(&st, hub)?.activities;
        let mut months: Vec<ActivityMonthCounts> = Vec::new();
        for s in data.sessions.iter().filter(|s| period.contains(s.date)) {
            let Some(a) = data.activities.iter().find(|a| a.id == s.activity_id) else {
                continue;
            };
            let month = bucket_start(Bucket::Month, s.date);
            let i = match months
                .iter()
                .position(|m| m.activity_id == a.id && m.month == month)
            {
                Some(i) => i,
                None => {
                    months.push(ActivityMonthCounts {
                        activity_id: a.id,
                        activity_name: a.name.to_string(),
                        capacity: a.capacity,
                        month,
                        held: 0,
                        cancelled: 0,
                        planned: 0,
                        attendance: 0,
                        first_timers: 0,
                    });
                    months.len() - 1
                }
            };
            let m = &mut months[i];
            match (&s.status, &s.attendance) {
                (SessionStatus::Cancelled, _) => m.cancelled += 1,
                (_, Some(at)) => {
                    m.held += 1;
                    m.attendance += u64::from(at.headcount);
                    m.first_timers += u64::from(at.first_timers);
                }
                (_, None) => m.planned += 1,
            }
        }
        crate::order::sort_by(&mut months, |a, b| {
            (a.month, &a.activity_name, a.activity_id).cmp(&(
                b.month,
                &b.activity_name,
                b.activity_id,
            ))
        });
        let ideas = IdeaStatus::ALL
            .iter()
            .filter_map(|status| {
                let count = data
                    .ideas
                    .iter()
                    .filter(|i| i.status == *status && period.contains(i.submitted_on))
                    .count() as u64;
                (count > 0).then_some(IdeaStatusCount {
                    status: *status,
                    count,
                })
            })
            .collect();
        let mut tally: Vec<TallyWeek> = Vec::new();
        let mut days: Vec<&TableTally> = data
            .tallies
            .iter()
            .filter(|t| period.contains(t.date))
            .collect();
        crate::order::sort_by_key(&mut days, |t| t.date);
        for t in days {
            let week = bucket_start(Bucket::Week, t.date);
            match tally.last_mut() {
                Some(w) if w.week == week => {
                    w.days += 1;
                    w.visitors += u64::from(t.visitors);
                    w.conversations += u64::from(t.conversations);
                }
                _ => tally.push(TallyWeek {
                    week,
                    days: 1,
                    visitors: u64::from(t.visitors),
                    conversations: u64::from(t.conversations),
                }),
            }
        }
        Ok(ActivityCounts {
            months,
            ideas,
            tally,
        })
    }
}
