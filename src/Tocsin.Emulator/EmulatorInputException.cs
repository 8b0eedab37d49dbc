namespace Tocsin.Emulator;

/// <summary>A scenario or faults file the emulator cannot use; the message says which file, where and what.</summary>
public sealed class EmulatorInputException(string message) : Exception(message);
