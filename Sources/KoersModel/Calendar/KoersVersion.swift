/// Which Koers made a file: stamped on the site and the iCalendar export, printed by
/// `koers --version`. Beside the calendar, at the bottom of the model, so whatever writes a file can
/// name it without depending on the command line.
public enum KoersVersion {
    public static let current = "0.1.0"
}
