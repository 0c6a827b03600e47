@_exported import DataFiles
