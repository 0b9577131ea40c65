extension ScoreBand {
    /// The rubric levels a band reaches, lowest first: the score's own level and any it "could
    /// be" ("Listening 38 ±15 · Beginning (could be Developing)"). The ends are rounded to whole
    /// points as `Framework.level(for:)` rounds a score, so a band never names a level its own
    /// printed numbers would not. Comparing with a coach's level: the agent's self score
    /// disagrees only when the coach's level is not among these.
    public func levels(in levels: [LevelBand]) -> [LevelBand] {
        let low = Int(self.low.rounded())
        let high = Int(self.high.rounded())
        return levels.filter { $0.max >= low && $0.min <= high }
    }
}
